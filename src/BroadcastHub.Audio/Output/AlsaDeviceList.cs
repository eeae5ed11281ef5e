using System.Runtime.InteropServices;

namespace BroadcastHub.Audio.Output;

/// <summary>Lists ALSA PCM names via <c>snd_device_name_hint</c>.</summary>
internal static class AlsaDeviceList
{
    /// <summary>The NAME hints of the "pcm" interface; empty on any failure.</summary>
    public static IReadOnlyList<string> Pcms()
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        try
        {
            if (AlsaNative.snd_device_name_hint(-1, "pcm", out var hints) < 0 || hints == 0)
            {
                return [];
            }

            try
            {
                return Names(hints);
            }
            finally
            {
                AlsaNative.snd_device_name_free_hint(hints);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return [];
        }
    }

    private static List<string> Names(nint hints)
    {
        var names = new List<string>();
        for (var i = 0; ; i++)
        {
            var hint = Marshal.ReadIntPtr(hints, i * IntPtr.Size);
            if (hint == 0)
            {
                return names;
            }

            var name = AlsaNative.snd_device_name_get_hint(hint, "NAME");
            if (name != 0)
            {
                names.Add(Marshal.PtrToStringUTF8(name) ?? string.Empty);
                AlsaNative.Free(name);
            }
        }
    }
}
