using BroadcastHub.Audio.Output;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace BroadcastHub.Audio.Tests.Output;

[Collection(OutputAlsaCollection.Name)]
public sealed class PlayoutOutputFactoryTests(ITestOutputHelper log) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bh-factory-").FullName;

    [Theory]
    [InlineData("file", "file")]
    [InlineData(" FILE ", "file")]
    [InlineData("null", "null")]
    [InlineData("alsa:default", "alsa:default")]
    [InlineData("alsa:hw:0,0", "alsa:hw:0,0")]
    [InlineData("ALSA:plughw:CARD=Loa,DEV=0", "alsa:plughw:CARD=Loa,DEV=0")]
    public void Parses_specs(string spec, string description)
    {
        using var output = PlayoutOutputFactory.Create(spec, Settings());

        Assert.Equal(description, output.Description);
        Assert.Equal(description, output.State.EffectiveSpec);
        Assert.Null(output.State.Warning);
        Assert.False(output.State.FellBack);
        Assert.Equal(OutputTestSources.House, output.Format);
    }

    [Theory]
    [InlineData("")]
    [InlineData("alsa:")]
    [InlineData("alsa")]
    [InlineData("speaker")]
    [InlineData("file:x")]
    [InlineData("null:1")]
    public void Rejects_malformed_specs_with_a_clear_message(string spec)
    {
        var ex = Assert.Throws<ArgumentException>(() => PlayoutOutputFactory.Create(spec, Settings()));
        Assert.Contains("alsa", ex.Message);
    }

    [Fact]
    public void Waveout_on_linux_is_a_clear_platform_error()
    {
        Assert.True(OperatingSystem.IsLinux());
        var ex = Assert.Throws<PlatformNotSupportedException>(() => PlayoutOutputFactory.Create("waveout", Settings()));
        Assert.Contains("Windows", ex.Message);
        Assert.Contains("alsa:", ex.Message);
    }

    [Fact]
    public void Auto_uses_alsa_default_when_it_opens_and_falls_back_to_file_with_a_warning_when_not()
    {
        var opens = AlsaWavePlayer.TryProbe("default", out var probeError);
        log.WriteLine(opens ? "alsa:default opens here" : $"alsa:default does not open here: {probeError}");

        using var output = PlayoutOutputFactory.Create("auto", Settings());

        Assert.Equal("auto", output.State.RequestedSpec);
        if (opens)
        {
            Assert.Equal(("alsa:default", "alsa:default", null), (output.Description, output.State.EffectiveSpec, output.State.Warning));
        }
        else
        {
            Assert.Equal(("file", "file"), (output.Description, output.State.EffectiveSpec));
            Assert.True(output.State.FellBack);
            Assert.Contains(probeError!, output.State.Warning);
            Assert.Contains(directory, output.State.Warning);
        }
    }

    [Fact]
    public async Task Auto_fallback_really_records()
    {
        if (AlsaWavePlayer.TryProbe("default", out _))
        {
            return;
        }

        using var output = PlayoutOutputFactory.Create("auto", Settings());
        var signal = OutputTestSources.Signal(TimeSpan.FromMilliseconds(200));
        var report = await output.PlayAsync(
            new PlayoutRequest(OutputTestSources.Provider(signal), TimeProvider.System.GetUtcNow(), "auto"), default);

        Assert.Null(report.Error);
        Assert.Equal(Path.Combine(directory, "auto.wav"), report.RecordingPath);
        Assert.Equal(signal.Length, OutputBwfReader.Read(report.RecordingPath!).Samples.Length);
    }

    [Fact]
    public void Recording_names_are_safe_and_never_overwrite()
    {
        var first = RecordingPaths.For(directory, "xa-an-binh/2025-06-01 05:30");
        Assert.Equal(directory, Path.GetDirectoryName(first));
        Assert.EndsWith(".wav", first);
        File.WriteAllText(first, "x");
        var second = RecordingPaths.For(directory, "xa-an-binh/2025-06-01 05:30");
        Assert.NotEqual(first, second);
        Assert.EndsWith("-2.wav", second);
        Assert.Equal(directory, Path.GetDirectoryName(RecordingPaths.For(directory, "..")));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private PlayoutOutputSettings Settings() =>
        new(OutputTestSources.House, directory, OutputTestSources.Hanoi, TimeProvider.System);
}
