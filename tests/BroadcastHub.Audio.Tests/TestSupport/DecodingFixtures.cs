using Xunit;
using System.Globalization;

namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>One row of tests/fixtures/manifest.tsv (what ffprobe/ffmpeg report for a fixture).</summary>
public sealed record FixtureManifestRow(
    string File, string Codec, int SampleRate, int Channels, double DurationSeconds, long DecodedFrames,
    double IntegratedLufs, double TruePeakDbtp);

/// <summary>Paths of the shared audio fixtures and their manifest.</summary>
public static class DecodingFixtures
{
    /// <summary>Folder the fixtures are copied to next to the test assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures");

    /// <summary>Full path of a fixture, e.g. <c>bad/empty.mp3</c>.</summary>
    public static string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>All rows of the manifest.</summary>
    public static IReadOnlyList<FixtureManifestRow> Manifest() =>
        File.ReadAllLines(PathOf("manifest.tsv")).Skip(1).Where(l => l.Length > 0).Select(Parse).ToList();

    /// <summary>The manifest row of <paramref name="file"/>.</summary>
    public static FixtureManifestRow Row(string file) => Manifest().Single(r => r.File == file);

    /// <summary>File names in the manifest, as xUnit member data.</summary>
    public static TheoryData<string> ManifestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var row in Manifest()) data.Add(row.File);
        return data;
    }

    private static FixtureManifestRow Parse(string line)
    {
        var c = line.Split('\t');
        double D(int i) => double.Parse(c[i], CultureInfo.InvariantCulture);
        return new FixtureManifestRow(c[0], c[1], int.Parse(c[2], CultureInfo.InvariantCulture),
            int.Parse(c[3], CultureInfo.InvariantCulture), D(4), long.Parse(c[5], CultureInfo.InvariantCulture), D(6), D(7));
    }
}
