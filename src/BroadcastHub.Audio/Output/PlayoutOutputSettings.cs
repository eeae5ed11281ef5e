using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>What every output of a station needs to know.</summary>
/// <param name="HouseFormat">The zone's house format (IEEE float, e.g. 44100 Hz mono); sources must match it.</param>
/// <param name="RecordingsDirectory">Where the <c>file</c> output writes <c>&lt;Label&gt;.wav</c>.</param>
/// <param name="StationTimeZone">The station's zone; Broadcast Wave origination date/time are local to it.</param>
/// <param name="Time">The clock.</param>
public sealed record PlayoutOutputSettings(
    WaveFormat HouseFormat, string RecordingsDirectory, TimeZoneInfo StationTimeZone, TimeProvider Time)
{
    /// <summary>Fade applied when playback is stopped mid-way (cancellation); at most 500 ms.</summary>
    public TimeSpan StopFade { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>ALSA buffer latency requested from <c>snd_pcm_set_params</c>.</summary>
    public TimeSpan AlsaLatency { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The drill devices pulled out so far; give every opening of a station's outputs the same instance.</summary>
    public UnpluggedDevices Unplugged { get; init; } = new();
}
