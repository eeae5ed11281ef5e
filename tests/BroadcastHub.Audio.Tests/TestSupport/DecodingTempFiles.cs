using Xunit;
namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>Temp files deleted when the test ends.</summary>
public sealed class DecodingTempFiles : IDisposable
{
    private readonly List<string> _paths = [];

    /// <summary>Tracks <paramref name="path"/> for deletion and returns it.</summary>
    public string Track(string path)
    {
        _paths.Add(path);
        return path;
    }

    /// <summary>Writes <paramref name="bytes"/> to a new temp file with <paramref name="extension"/>.</summary>
    public string Write(byte[] bytes, string extension = ".bin")
    {
        var path = Track(Path.Combine(Path.GetTempPath(), $"bh-test-{Guid.NewGuid():N}{extension}"));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Deletes every tracked file.</summary>
    public void Dispose()
    {
        foreach (var path in _paths)
        {
            try { File.Delete(path); }
            catch (IOException) { }
        }
    }
}
