using Xunit;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Tests.TestSupport;

namespace BroadcastHub.Audio.Tests.Decoding;

public sealed class WavDecodingTests : IDisposable
{
    private readonly DecodingTempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<TestWavEncoding, int, int, bool, bool, bool, string> Cases() => new()
    {
        { TestWavEncoding.U8, 22050, 1, false, false, false, "pcm_u8" },
        { TestWavEncoding.S16, 44100, 2, false, false, false, "pcm_s16le" },
        { TestWavEncoding.S24, 48000, 2, false, false, false, "pcm_s24le" },
        { TestWavEncoding.S32, 48000, 2, false, false, false, "pcm_s32le" },
        { TestWavEncoding.F32, 44100, 1, false, false, false, "pcm_f32le" },
        { TestWavEncoding.F64, 48000, 2, false, false, false, "pcm_f64le" },
        { TestWavEncoding.S24, 48000, 2, true, false, false, "pcm_s24le" },
        { TestWavEncoding.F32, 48000, 2, true, false, false, "pcm_f32le" },
        { TestWavEncoding.S16, 44100, 2, false, true, false, "pcm_s16le" },
        { TestWavEncoding.S16, 44100, 1, false, false, true, "pcm_s16le" },
        { TestWavEncoding.S16, 44100, 1, true, true, true, "pcm_s16le" },
        { TestWavEncoding.S24, 48000, 6, true, false, false, "pcm_s24le" },
        { TestWavEncoding.S16, 8000, 1, false, false, false, "pcm_s16le" },
        { TestWavEncoding.S24, 192000, 2, false, false, false, "pcm_s24le" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decodes_what_was_written(TestWavEncoding encoding, int rate, int channels, bool extensible,
        bool listBeforeFmt, bool oddChunk, string codec)
    {
        var written = DecodingSignals.DistinctChannels(rate / 10 + 1, channels);
        var options = new TestWavOptions(extensible, listBeforeFmt, oddChunk);
        var path = _temp.Track(DecodingWavWriter.WriteTemp(written, rate, channels, encoding, options));

        using var source = AudioDecoder.Open(path);
        Assert.Equal(codec, source.Codec);
        Assert.Equal(rate, source.WaveFormat.SampleRate);
        Assert.Equal(channels, source.WaveFormat.Channels);
        Assert.Equal(rate / 10 + 1, source.TotalFrames);
        var read = DecodingSignals.ReadAll(source);
        Assert.Equal(written.Length, read.Length);
        for (var i = 0; i < written.Length; i++)
            Assert.Equal(DecodingWavWriter.Quantise(written[i], encoding), read[i], 1e-6f);
    }

    [Fact]
    public void Odd_sized_data_chunk_and_chunk_without_pad_byte_still_decode()
    {
        var written = DecodingSignals.DistinctChannels(101, 1);
        var bytes = DecodingWavWriter.Build(written, 8000, 1, TestWavEncoding.U8, new TestWavOptions(OddChunkBeforeData: true));
        var withoutPad = bytes.Take(36 + 8 + 5).Concat(bytes.Skip(36 + 8 + 6)).ToArray(); // drop the junk chunk's pad byte
        foreach (var file in new[] { bytes, withoutPad })
        {
            using var source = AudioDecoder.Open(_temp.Write(file, ".wav"));
            var read = DecodingSignals.ReadAll(source);
            Assert.Equal(101, read.Length);
            Assert.Equal(DecodingWavWriter.Quantise(written[100], TestWavEncoding.U8), read[100], 1e-6f);
        }
    }

    [Theory]
    [InlineData(0xFFFFFFFFu, "4,294,967,295")]
    [InlineData(1_000_000u, "1,000,000")]
    public void Data_claiming_more_than_present_is_rejected(uint claimed, string claimedText)
    {
        var bytes = DecodingWavWriter.Build(new float[200], 8000, 1, TestWavEncoding.S16, new TestWavOptions(ClaimedDataBytes: claimed));
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(bytes, ".wav")));
        Assert.Equal(AudioErrorCodes.TruncatedWav, ex.Code);
        Assert.Contains(claimedText, ex.Message);
        Assert.Contains("400 bytes are present", ex.Message);
    }

    [Theory]
    [InlineData(2, "ADPCM")]
    [InlineData(0x55, "MP3")]
    public void Compressed_wav_encodings_are_rejected(ushort tag, string named)
    {
        var bytes = DecodingWavWriter.Build(new float[200], 8000, 1, TestWavEncoding.S16, new TestWavOptions());
        BitConverter.GetBytes(tag).CopyTo(bytes, 20);
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(bytes, ".wav")));
        Assert.Equal(AudioErrorCodes.UnsupportedWavEncoding, ex.Code);
        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public void Sample_rate_outside_8_to_192_kHz_is_rejected()
    {
        var bytes = DecodingWavWriter.Build(new float[200], 4000, 1, TestWavEncoding.S16, new TestWavOptions());
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(bytes, ".wav")));
        Assert.Equal(AudioErrorCodes.UnsupportedSampleRate, ex.Code);
        Assert.Contains("4000 Hz", ex.Message);
    }

    [Fact]
    public void Non_finite_float_samples_become_silence_with_a_warning()
    {
        var path = _temp.Track(DecodingWavWriter.WriteTemp([0.5f, float.NaN, float.PositiveInfinity, -0.25f], 8000, 1, TestWavEncoding.F32));
        using var source = AudioDecoder.Open(path);
        Assert.Equal([0.5f, 0f, 0f, -0.25f], DecodingSignals.ReadAll(source));
        Assert.Single(((IAudioSourceWarnings)source).Warnings);
    }
}
