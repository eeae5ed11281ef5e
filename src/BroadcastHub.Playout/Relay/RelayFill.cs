namespace BroadcastHub.Playout.Relay;

/// <summary>
/// What airs while a relay's stream is away: the given items (the commune's evergreen playlist, or the fill bulletin) in
/// order, looping; none: silence. Shared by the relay items of one occurrence, so the next gap continues the playlist
/// where the last one stopped (in the same item, at the same point). The fill fades in briefly when a gap begins and
/// fades out over <see cref="FadeOutSeconds"/> under the returning stream, so neither edge clicks.
/// </summary>
public sealed class RelayFill : IDisposable
{
    /// <summary>How long the fill fades out under the stream when it returns.</summary>
    public const double FadeOutSeconds = 0.4;

    private const double FadeInSeconds = 0.02;
    private readonly IReadOnlyList<Func<NAudio.Wave.ISampleProvider>> _items;
    private readonly int _channels;
    private readonly int _fadeInFrames;
    private readonly int _fadeOutFrames;
    private NAudio.Wave.ISampleProvider? _current;
    private int _next;
    private bool _audible;
    private int _fadeInDone;
    private int _fadeOutLeft;
    private float[] _scratch = [];

    /// <summary>A fill of <paramref name="items"/> (each opened when its turn comes) at <paramref name="sampleRate"/>.</summary>
    public RelayFill(IReadOnlyList<Func<NAudio.Wave.ISampleProvider>> items, int sampleRate, int channels)
    {
        (_items, _channels) = (items, channels);
        _fadeInFrames = Math.Max(1, (int)(FadeInSeconds * sampleRate));
        _fadeOutFrames = Math.Max(1, (int)(FadeOutSeconds * sampleRate));
    }

    /// <summary>A fill of nothing: silence.</summary>
    public static RelayFill Silence(int sampleRate, int channels) => new([], sampleRate, channels);

    /// <summary>True when there is something to air instead of silence.</summary>
    public bool HasItems => _items.Count > 0;

    /// <summary>Writes the fill into <paramref name="buffer"/> (whole frames) in place of the missing stream.</summary>
    public void Fill(Span<float> buffer)
    {
        if (!_audible) (_audible, _fadeInDone, _fadeOutLeft) = (true, 0, 0);
        var done = Read(buffer);
        buffer[done..].Clear();
        for (var i = 0; i < buffer.Length && _fadeInDone < _fadeInFrames; i += _channels, _fadeInDone++)
            Scale(buffer.Slice(i, _channels), _fadeInDone / (float)_fadeInFrames);
    }

    /// <summary>The stream is back in <paramref name="live"/>: cross-fades the fill out under it, if it was audible.</summary>
    public void Live(Span<float> live)
    {
        if (_audible) (_audible, _fadeOutLeft) = (false, _current is null ? 0 : _fadeOutFrames);
        if (_fadeOutLeft == 0) return;
        var frames = Math.Min(live.Length / _channels, _fadeOutLeft);
        if (_scratch.Length < frames * _channels) _scratch = new float[frames * _channels];
        var fill = _scratch.AsSpan(0, frames * _channels);
        fill[Read(fill)..].Clear();
        for (var f = 0; f < frames; f++, _fadeOutLeft--)
        {
            var gain = _fadeOutLeft / (float)_fadeOutFrames;
            for (var c = f * _channels; c < (f + 1) * _channels; c++) live[c] = live[c] * (1 - gain) + fill[c] * gain;
        }
    }

    private int Read(Span<float> buffer)
    {
        var done = 0;
        for (var tries = 0; done < buffer.Length && tries <= _items.Count && _items.Count > 0; tries++)
        {
            _current ??= _items[_next++ % _items.Count]();
            var n = _current.Read(buffer[done..]);
            done += n;
            if (n == 0 || done < buffer.Length) Close();
        }
        return done;
    }

    private static void Scale(Span<float> frame, float gain)
    {
        for (var i = 0; i < frame.Length; i++) frame[i] *= gain;
    }

    private void Close()
    {
        (_current as IDisposable)?.Dispose();
        _current = null;
    }

    /// <summary>Closes the item being aired.</summary>
    public void Dispose() => Close();
}
