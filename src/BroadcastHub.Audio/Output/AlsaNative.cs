using System.Runtime.InteropServices;

namespace BroadcastHub.Audio.Output;

/// <summary>P/Invoke declarations for the parts of <c>libasound.so.2</c> the ALSA output uses.</summary>
internal static partial class AlsaNative
{
    public const string Library = "libasound.so.2";
    public const int StreamPlayback = 0;
    public const int ModeNonBlock = 1;
    public const int FormatS16Le = 2;
    public const int AccessRwInterleaved = 3;
    public const int StateRunning = 3;
    public const int Eintr = 4;
    public const int Epipe = 32;
    public const int Estrpipe = 86;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int snd_pcm_open(out nint pcm, string name, int stream, int mode);

    [LibraryImport(Library)]
    public static partial int snd_pcm_set_params(
        nint pcm, int format, int access, uint channels, uint rate, int softResample, uint latencyMicroseconds);

    [LibraryImport(Library)]
    public static unsafe partial nint snd_pcm_writei(nint pcm, void* buffer, nuint frames);

    [LibraryImport(Library)]
    public static partial int snd_pcm_delay(nint pcm, out nint delayFrames);

    [LibraryImport(Library)]
    public static partial int snd_pcm_state(nint pcm);

    [LibraryImport(Library)]
    public static partial int snd_pcm_recover(nint pcm, int err, int silent);

    [LibraryImport(Library)]
    public static partial int snd_pcm_drain(nint pcm);

    [LibraryImport(Library)]
    public static partial int snd_pcm_drop(nint pcm);

    [LibraryImport(Library)]
    public static partial int snd_pcm_close(nint pcm);

    [LibraryImport(Library)]
    public static partial nint snd_strerror(int errnum);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int snd_device_name_hint(int card, string iface, out nint hints);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint snd_device_name_get_hint(nint hint, string id);

    [LibraryImport(Library)]
    public static partial int snd_device_name_free_hint(nint hints);

    [LibraryImport("libc", EntryPoint = "free")]
    public static partial void Free(nint pointer);

    /// <summary>The ALSA message for a negative error code.</summary>
    public static string Describe(int error)
    {
        try
        {
            return Marshal.PtrToStringUTF8(snd_strerror(error)) ?? $"ALSA error {error}";
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"ALSA error {error}";
        }
    }

    /// <summary>Throws <see cref="IOException"/> with ALSA's message when <paramref name="result"/> is negative.</summary>
    public static long Check(long result, string what, string device) =>
        result >= 0 ? result : throw new IOException($"ALSA {what} on '{device}' failed: {Describe((int)result)}");
}
