using Xunit;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Tests.TestSupport;

namespace BroadcastHub.Audio.Tests.Decoding;

public sealed class FixtureDecodingTests
{
    public static TheoryData<string> Files() => DecodingFixtures.ManifestFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void Decodes_fixture_exactly_as_ffmpeg_counts_it(string file)
    {
        var expected = DecodingFixtures.Row(file);
        using var source = AudioDecoder.Open(DecodingFixtures.PathOf(file));

        Assert.Equal(expected.Codec, source.Codec);
        Assert.Equal(expected.SampleRate, source.WaveFormat.SampleRate);
        Assert.Equal(expected.Channels, source.WaveFormat.Channels);
        Assert.Equal(expected.DecodedFrames, source.TotalFrames);
        Assert.Equal(expected.DecodedFrames, DecodingSignals.CountFrames(source));
        Assert.Empty(((IAudioSourceWarnings)source).Warnings);
    }

    [Theory]
    [InlineData("bad/empty.mp3", AudioErrorCodes.EmptyFile, "empty")]
    [InlineData("bad/text-named.mp3", AudioErrorCodes.UnrecognizedFormat, "text")]
    [InlineData("bad/png-named.wav", AudioErrorCodes.UnsupportedFormat, "PNG")]
    [InlineData("bad/truncated-mid-frame.mp3", AudioErrorCodes.TruncatedMp3, "declares 426 frames but only 169 are present")]
    [InlineData("bad/truncated-data.wav", AudioErrorCodes.TruncatedWav, "claims")]
    public void Rejects_bad_fixture_with_specific_code(string file, string code, string messagePart)
    {
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(DecodingFixtures.PathOf(file)));
        Assert.Equal(code, ex.Code);
        Assert.Contains(messagePart, ex.Message);
        if (code is AudioErrorCodes.UnrecognizedFormat or AudioErrorCodes.UnsupportedFormat)
            Assert.Contains("WAV", ex.Message);
    }

    [Fact]
    public void Mp3_tone_starts_on_the_first_real_sample_and_is_not_silent()
    {
        using var source = AudioDecoder.Open(DecodingFixtures.PathOf("bulletin-vi-stereo-44k-vbr-id3.mp3"));
        var samples = DecodingSignals.ReadAll(source);
        Assert.Contains(samples, s => Math.Abs(s) > 0.05f);
        Assert.All(samples, s => Assert.InRange(s, -2f, 2f));
    }
}
