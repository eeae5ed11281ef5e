using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace BroadcastHub.Audio.Tests.Decoding;

/// <summary>Every MPEG-1/2/2.5 Layer III rate decodes to what ffmpeg decodes, sample for sample after gapless trimming.</summary>
public sealed class Mp3FidelityTests(ITestOutputHelper output)
{
    private const double RequiredDb = 90;

    [Theory]
    [InlineData("speech-32000-mono.mp3")]
    [InlineData("speech-44100-mono.mp3")]
    [InlineData("speech-44100-stereo.mp3")]
    [InlineData("speech-48000-mono.mp3")]
    [InlineData("speech-22050-mono.mp3")]
    [InlineData("speech-22050-stereo.mp3")]
    [InlineData("speech-24000-mono.mp3")]
    [InlineData("speech-16000-mono.mp3")]
    [InlineData("speech-11025-mono.mp3")]
    [InlineData("speech-12000-mono.mp3")]
    [InlineData("speech-8000-mono.mp3")]
    [InlineData("speech-8000-stereo.mp3")]
    [InlineData("mixed-blocks-44100-mono.mp3")]
    [InlineData("mixed-blocks-22050-mono.mp3")]
    [InlineData("mixed-blocks-16000-mono.mp3")]
    public void Decodes_every_layer_III_rate_like_the_reference_decoder(string file)
    {
        var path = DecodingFixtures.PathOf(Path.Combine("mp3-rates", file));
        using var source = AudioDecoder.Open(path);
        var ours = DecodingSignals.ReadAll(source);
        var reference = ReferenceDecoding.Ffmpeg(path);

        var db = ReferenceDecoding.SignalToDifferenceDb(reference, ours);
        output.WriteLine($"{file}: {db:F1} dB signal-to-difference against ffmpeg");
        Assert.Empty(((IAudioSourceWarnings)source).Warnings);
        Assert.True(db >= RequiredDb, $"{file}: {db:F1} dB against ffmpeg's decode; {RequiredDb} dB required.");
    }
}
