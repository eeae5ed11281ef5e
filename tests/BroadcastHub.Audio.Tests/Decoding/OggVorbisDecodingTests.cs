using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;

namespace BroadcastHub.Audio.Tests.Decoding;

public sealed class OggVorbisDecodingTests
{
    private const string Ogg = "bulletin-vi-mono-44k-vorbis.ogg";
    private const string Source = "bulletin-vi-mono-44k-f32.wav";

    [Fact]
    public void Ogg_vorbis_decodes_to_exactly_the_frames_of_its_wav_source()
    {
        using var wav = AudioDecoder.Open(DecodingFixtures.PathOf(Source));
        using var ogg = AudioDecoder.Open(DecodingFixtures.PathOf(Ogg));

        Assert.Equal("vorbis", ogg.Codec);
        Assert.Equal(44100, ogg.WaveFormat.SampleRate);
        Assert.Equal(1, ogg.WaveFormat.Channels);
        Assert.Equal(379_384, ogg.TotalFrames);
        Assert.Equal(wav.TotalFrames, ogg.TotalFrames);
        var original = DecodingSignals.ReadAll(wav);
        var decoded = DecodingSignals.ReadAll(ogg);
        Assert.Equal(original.Length, decoded.Length);
        Assert.Empty(((IAudioSourceWarnings)ogg).Warnings);

        // Sample-aligned with the source (no decoder delay left in): the coding error is ≥ 20 dB below the signal.
        double signal = 0, error = 0;
        for (var i = 0; i < original.Length; i++)
        {
            signal += original[i] * (double)original[i];
            error += (original[i] - decoded[i]) * (double)(original[i] - decoded[i]);
        }
        Assert.True(10 * Math.Log10(signal / error) > 20, $"SNR {10 * Math.Log10(signal / error):F1} dB");
    }

    [Fact]
    public void Ogg_vorbis_loudness_is_within_a_third_of_an_LU_of_its_source()
    {
        var wav = AudioAnalyzer.Analyze(DecodingFixtures.PathOf(Source));
        var ogg = AudioAnalyzer.Analyze(DecodingFixtures.PathOf(Ogg));

        Assert.Equal(wav.IntegratedLufs, ogg.IntegratedLufs, 0.3);
        Assert.Equal(wav.DurationSeconds, ogg.DurationSeconds, 1e-9);
        Assert.Equal(wav.TruePeakDbtp, ogg.TruePeakDbtp, 1.0);
    }

    [Theory]
    [InlineData("bad/opus-in-ogg.ogg", AudioErrorCodes.UnsupportedFormat, "Opus audio in an Ogg container")]
    [InlineData("bad/flac-in-ogg.oga", AudioErrorCodes.UnsupportedFormat, "FLAC audio in an Ogg container")]
    [InlineData("bad/truncated-vorbis.ogg", AudioErrorCodes.TruncatedOgg, "cut short")]
    public void Other_ogg_codecs_and_truncated_streams_are_refused_with_a_stable_code(string file, string code, string messagePart)
    {
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(DecodingFixtures.PathOf(file)));

        Assert.Equal(code, ex.Code);
        Assert.Contains(messagePart, ex.Message);
        if (code == AudioErrorCodes.UnsupportedFormat) Assert.Contains("Ogg Vorbis", ex.Message);
    }

    [Fact]
    public void An_ogg_cut_exactly_at_a_page_boundary_is_refused_as_truncated()
    {
        var bytes = File.ReadAllBytes(DecodingFixtures.PathOf(Ogg));
        var cut = bytes.AsSpan(0, bytes.Length - 1).LastIndexOf("OggS"u8);
        var path = Path.Combine(Path.GetTempPath(), $"bh-cut-{Guid.NewGuid():N}.ogg");
        File.WriteAllBytes(path, bytes[..cut]);
        try
        {
            var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(path));
            Assert.Equal(AudioErrorCodes.TruncatedOgg, ex.Code);
            Assert.Contains("not the end of the stream", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
