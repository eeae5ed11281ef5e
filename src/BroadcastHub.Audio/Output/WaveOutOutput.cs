using System.Globalization;
using System.Runtime.Versioning;
using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>The Windows <c>waveout</c> output (NAudio.WinMM <see cref="WaveOut"/>, event callbacks).</summary>
internal static class WaveOutOutput
{
    /// <summary>Creates the output; <paramref name="device"/> is a device number, or null for the default.</summary>
    public static IPlayoutOutput Create(string spec, string? device, PlayoutOutputSettings settings) =>
        OperatingSystem.IsWindows()
            ? CreateOnWindows(spec, device, settings)
            : throw new PlatformNotSupportedException(
                $"Output '{spec}' needs Windows (WinMM); on Linux use alsa:<device> (e.g. alsa:default), file or null.");

    [SupportedOSPlatform("windows")]
    private static WavePlayerOutput CreateOnWindows(string spec, string? device, PlayoutOutputSettings settings)
    {
        var number = -1;
        if (device is not null && !int.TryParse(device, NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            throw new ArgumentException($"Output spec '{spec}': the waveout device must be a number.", nameof(spec));
        }

        return new WavePlayerOutput(
            device is null ? "waveout" : $"waveout:{number}", settings.HouseFormat,
            _ => new Pcm16Player(new WaveOut { DeviceNumber = number, BufferMilliseconds = 50, NumberOfBuffers = 3 }),
            settings.Time, settings.StopFade, new OutputState(spec, spec.ToLowerInvariant(), null));
    }

    /// <summary>Hands WinMM 16-bit PCM (quantised like every other output) instead of float.</summary>
    private sealed class Pcm16Player(IWavePlayer inner) : IWavePlayer
    {
        public event EventHandler<StoppedEventArgs>? PlaybackStopped
        {
            add => inner.PlaybackStopped += value;
            remove => inner.PlaybackStopped -= value;
        }

        public float Volume { get => inner.Volume; set => inner.Volume = value; }

        public PlaybackState PlaybackState => inner.PlaybackState;

        public WaveFormat OutputWaveFormat => inner.OutputWaveFormat;

        public void Init(IWaveProvider waveProvider) => inner.Init(new Pcm16WaveProvider(waveProvider));

        public void Play() => inner.Play();

        public void Stop() => inner.Stop();

        public void Pause() => inner.Pause();

        public void Dispose() => inner.Dispose();
    }

    private sealed class Pcm16WaveProvider(IWaveProvider source) : IWaveProvider
    {
        private readonly Pcm16FrameReader reader = new(source);

        public WaveFormat WaveFormat => reader.Format;

        public int Read(Span<byte> buffer) =>
            reader.Read(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(buffer[..(buffer.Length & ~1)])) * 2;
    }
}
