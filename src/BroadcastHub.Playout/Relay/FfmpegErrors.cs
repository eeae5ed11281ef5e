using System.Text;

namespace BroadcastHub.Playout.Relay;

/// <summary>The first few kilobytes ffmpeg printed on stderr, for the log; thread-safe.</summary>
internal sealed class FfmpegErrors
{
    private const int MaxChars = 4096;
    private readonly StringBuilder _text = new();

    public void Add(string? line)
    {
        if (line is null) return;
        lock (_text)
            if (_text.Length < MaxChars) _text.AppendLine(line);
    }

    public override string ToString()
    {
        lock (_text) return _text.ToString().Trim();
    }
}
