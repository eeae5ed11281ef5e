using System.Runtime.InteropServices;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Output;
using BroadcastHub.Audio.Pipeline;
using BroadcastHub.Audio.Tests.TestSupport;
using NAudio.Wave;

namespace BroadcastHub.Audio.Tests.Output;

/// <summary>A real bulletin through our ALSA output into an ALSA <c>file</c> plugin device: the bytes are the decoded audio.</summary>
[Collection(OutputAlsaCollection.Name)]
public sealed class AlsaFixturePlaybackTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bh-alsa-fixture-").FullName;

    [Theory]
    [InlineData("bulletin-vi-mono-16k-s16.wav", 16000, 1)]
    [InlineData("bulletin-vi-mono-22k-cbr64.mp3", 44100, 2)]
    public async Task A_fixture_plays_through_alsa_and_the_bytes_written_match_the_decoded_audio(string fixture, int rate, int channels)
    {
        OutputAlsaConfig.EnsureInstalled();
        File.Delete(OutputAlsaConfig.RawPath);
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", fixture);
        var house = WaveFormat.CreateIeeeFloatWaveFormat(rate, channels);
        var expected = DecodeToPcm16(path, house);
        using var output = PlayoutOutputFactory.Create($"alsa:{OutputAlsaConfig.Device}",
            new PlayoutOutputSettings(house, _directory, OutputTestSources.Hanoi, TimeProvider.System));
        using var source = AudioDecoder.Open(path);

        var report = await output.PlayAsync(
            new PlayoutRequest(HouseFormat.Convert(source, house), TimeProvider.System.GetUtcNow().AddMilliseconds(200), "fixture"), default);

        Assert.Null(report.Error);
        Assert.Equal(expected.Length / channels, report.FramesPlayed);
        var written = MemoryMarshal.Cast<byte, short>(File.ReadAllBytes(OutputAlsaConfig.RawPath)).ToArray();
        Assert.Equal(expected, written);
    }

    private static short[] DecodeToPcm16(string path, WaveFormat house)
    {
        using var source = AudioDecoder.Open(path);
        var converted = HouseFormat.Convert(source, house);
        var samples = new List<short>();
        var buffer = new float[8192];
        int read;
        while ((read = converted.Read(buffer)) > 0)
            foreach (var sample in buffer.AsSpan(0, read)) samples.Add(Pcm16Quantiser.Quantise(sample));
        return [.. samples];
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
