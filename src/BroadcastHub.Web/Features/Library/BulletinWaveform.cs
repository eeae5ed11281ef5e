namespace BroadcastHub.Web.Features.Library;

/// <summary>
/// A bulletin's waveform for drawing: the audio split into <see cref="Points"/> equal stretches, each with its
/// lowest and highest sample (all channels, −1…1), and the warnings the decoder raised while reading it.
/// </summary>
/// <param name="Sha256">The original's content address (the cache key).</param>
/// <param name="Points">How many stretches.</param>
/// <param name="DurationSeconds">Decoded length.</param>
/// <param name="Min">Lowest sample of each stretch.</param>
/// <param name="Max">Highest sample of each stretch.</param>
/// <param name="Warnings">Damage the decoder recovered from (empty for a clean file).</param>
public sealed record BulletinWaveform(
    string Sha256, int Points, double DurationSeconds, IReadOnlyList<float> Min, IReadOnlyList<float> Max, IReadOnlyList<string> Warnings);
