using System.Globalization;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Library;

/// <summary>The figures ffmpeg reported for each fixture (tests/fixtures/manifest.tsv).</summary>
public sealed record ManifestRow(string File, int SampleRate, int Channels, long DecodedFrames, double IntegratedLufs);

public static class Manifest
{
    public static ManifestRow Row(string file)
    {
        var line = File.ReadLines(Path.Combine(Fixtures.Dir, "manifest.tsv")).Skip(1).Select(l => l.Split('\t')).Single(c => c[0] == file);
        return new ManifestRow(line[0], int.Parse(line[2], CultureInfo.InvariantCulture), int.Parse(line[3], CultureInfo.InvariantCulture),
            long.Parse(line[5], CultureInfo.InvariantCulture), double.Parse(line[6], CultureInfo.InvariantCulture));
    }
}
