using NAudio.Wave;

namespace BroadcastHub.Audio.Pipeline;

/// <summary>
/// Plays items one after another with no gap: the next item's first sample follows the previous item's last sample
/// in the same buffer. Items are opened lazily, one at a time. Records where (in output frames) each item began and
/// ended, so airtime can be derived from the frames the device really played. An item may carry a "not before" frame
/// (a repeat scheduled at an interval): silence fills the wait, and the item's start frame is where its audio begins.
/// </summary>
public sealed class RundownSampleProvider(WaveFormat format, IReadOnlyList<Func<ISampleProvider>> items, IReadOnlyList<long?>? notBeforeFrames = null)
    : ISampleProvider, IDisposable
{
    private readonly long[] _startFrame = Enumerable.Repeat(-1L, items.Count).ToArray();
    private readonly long[] _endFrame = Enumerable.Repeat(-1L, items.Count).ToArray();
    private readonly string?[] _errors = new string?[items.Count];
    private int _index;
    private ISampleProvider? _current;
    private long _framesOut;

    /// <inheritdoc />
    public WaveFormat WaveFormat { get; } = format;

    /// <summary>Output frame at which item <paramref name="index"/> began, or -1 if it never began.</summary>
    public long StartFrameOf(int index) => _startFrame[index];

    /// <summary>Output frame just past item <paramref name="index"/>'s end, or -1 if it has not ended.</summary>
    public long EndFrameOf(int index) => _endFrame[index];

    /// <summary>Why item <paramref name="index"/> could not be opened or decoded, if it failed.</summary>
    public string? ErrorOf(int index) => _errors[index];

    /// <summary>Number of items.</summary>
    public int Count => items.Count;

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var channels = WaveFormat.Channels;
        var filled = 0;
        while (filled < buffer.Length && _index < items.Count)
        {
            if (_current is null && WaitFrames() is > 0 and var wait)
            {
                var silence = (int)Math.Min(wait, (buffer.Length - filled) / channels) * channels;
                if (silence == 0) break;
                buffer.Slice(filled, silence).Clear();
                filled += silence;
                _framesOut += silence / channels;
                continue;
            }
            if (_current is null && !OpenCurrent()) continue;
            int read;
            try
            {
                read = _current!.Read(buffer[filled..]);
            }
            catch (Exception e)
            {
                _errors[_index] = e.Message;
                read = 0;
            }
            read -= read % channels;
            filled += read;
            _framesOut += read / channels;
            if (read == 0) CloseCurrent();
        }
        return filled;
    }

    private long WaitFrames() => (notBeforeFrames is { } limits && limits[_index] is { } notBefore) ? notBefore - _framesOut : 0;

    private bool OpenCurrent()
    {
        _startFrame[_index] = _framesOut;
        try
        {
            _current = items[_index]();
            return true;
        }
        catch (Exception e)
        {
            _errors[_index] = e.Message;
            CloseCurrent();
            return false;
        }
    }

    private void CloseCurrent()
    {
        (_current as IDisposable)?.Dispose();
        _current = null;
        _endFrame[_index] = _framesOut;
        _index++;
    }

    /// <inheritdoc />
    public void Dispose() => (_current as IDisposable)?.Dispose();
}
