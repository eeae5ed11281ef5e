namespace BroadcastHub.Audio.Output;

/// <summary>Names the recordings of the file output.</summary>
public static class RecordingPaths
{
    /// <summary>
    /// <c>&lt;directory&gt;/&lt;Label&gt;.wav</c>, with characters invalid in file names replaced by <c>_</c>; if that file
    /// already exists (a replay), <c>&lt;Label&gt;-2.wav</c>, <c>-3</c>... so no recording is overwritten.
    /// </summary>
    /// <param name="directory">Recordings directory.</param>
    /// <param name="label">Occurrence label.</param>
    public static string For(string directory, string label)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string([.. label.Select(c => invalid.Contains(c) || c == '\\' ? '_' : c)]).Trim();
        if (safe.Length == 0 || safe.Trim('.').Length == 0)
        {
            safe = "recording";
        }

        var path = Path.Combine(directory, safe + ".wav");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(directory, $"{safe}-{n}.wav");
        }

        return path;
    }
}
