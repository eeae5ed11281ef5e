using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;

namespace BroadcastHub.Audio.Tests.Decoding;

/// <summary>Headers that claim absurd formats or sizes are refused with their own code before anything is allocated from them.</summary>
public sealed class HostileHeaderTests : IDisposable
{
    private const long AllowedBytes = 300L * 1024 * 1024;
    private readonly DecodingTempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, byte[], string, string> HostileWavs() => new()
    {
        { "65,535 channels", HostileAudioFiles.Wav(65535, 8000, 65535, 8, 2 * 65535), AudioErrorCodes.TooManyChannels, "65,535 channels" },
        { "9 channels", HostileAudioFiles.Wav(9, 48000, 18, 16, 1800), AudioErrorCodes.TooManyChannels, "9 channels" },
        { "4 kHz", HostileAudioFiles.Wav(1, 4000, 2, 16, 400), AudioErrorCodes.UnsupportedSampleRate, "4000 Hz" },
        { "2 GHz", HostileAudioFiles.Wav(1, int.MaxValue, 2, 16, 400), AudioErrorCodes.UnsupportedSampleRate, "2147483647 Hz" },
        { "block align 0", HostileAudioFiles.Wav(2, 48000, 0, 16, 400), AudioErrorCodes.InvalidBlockAlign, "(0 bytes)" },
        { "block align 3 for 2 channels", HostileAudioFiles.Wav(2, 48000, 3, 16, 400), AudioErrorCodes.InvalidBlockAlign, "(3 bytes)" },
        { "64 KB frames", HostileAudioFiles.Wav(8, 48000, 65528, 32, 65528), AudioErrorCodes.InvalidBlockAlign, "(65528 bytes)" },
        { "0 bits", HostileAudioFiles.Wav(1, 48000, 2, 0, 400), AudioErrorCodes.InvalidBitsPerSample, "0-bit" },
        { "24 bits in 2 bytes", HostileAudioFiles.Wav(1, 48000, 2, 24, 400), AudioErrorCodes.InvalidBitsPerSample, "24-bit samples in 2-byte" },
        { "fmt larger than file", HostileAudioFiles.Wav(1, 48000, 2, 16, 400, fmtSize: 0x7FFFFFF0), AudioErrorCodes.InvalidChunkSize, "2,147,483,632 bytes" },
    };

    [Theory]
    [MemberData(nameof(HostileWavs))]
    public void Wav_with_absurd_format_is_refused_with_its_code(string name, byte[] file, string code, string messagePart)
    {
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(file, ".wav")));
        Assert.True(code == ex.Code, $"{name}: {ex.Code}: {ex.Message}");
        Assert.Contains(messagePart, ex.Message);
    }

    [Fact]
    public void Adpcm_is_still_named_even_with_its_large_blocks()
    {
        var adpcm = HostileAudioFiles.Wav(1, 22050, 512, 4, 1024, tag: 2);
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(adpcm, ".wav")));
        Assert.Equal(AudioErrorCodes.UnsupportedWavEncoding, ex.Code);
        Assert.Contains("ADPCM", ex.Message);
    }

    public static TheoryData<VorbisField, uint, string, string> HostileVorbis() => new()
    {
        { VorbisField.Channels, 200, AudioErrorCodes.TooManyChannels, "200 channels" },
        { VorbisField.SampleRate, 1, AudioErrorCodes.UnsupportedSampleRate, "1 Hz" },
        { VorbisField.SampleRate, 400_000, AudioErrorCodes.UnsupportedSampleRate, "400000 Hz" },
        { VorbisField.BlockSizes, 0xFF, AudioErrorCodes.InvalidVorbisHeader, "32768" },
        { VorbisField.BlockSizes, 0x8B, AudioErrorCodes.InvalidVorbisHeader, "2048 and 256" },
        { VorbisField.VendorLength, 200_000_000, AudioErrorCodes.InvalidVorbisHeader, "200,000,000 bytes" },
        { VorbisField.VendorLength, 0xFFFFFFF0, AudioErrorCodes.InvalidVorbisHeader, "4,294,967,280 bytes" },
        { VorbisField.CommentCount, 1u << 30, AudioErrorCodes.InvalidVorbisHeader, "1,073,741,824 comments" },
    };

    [Theory]
    [MemberData(nameof(HostileVorbis))]
    public void Vorbis_with_absurd_header_is_refused_with_its_code(VorbisField field, uint value, string code, string messagePart)
    {
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(ForgedVorbis(field, value), ".ogg")));
        Assert.True(code == ex.Code, $"{field} = {value}: {ex.Code}: {ex.Message}");
        Assert.Contains(messagePart, ex.Message);
    }

    [Fact]
    public void Re_laced_vorbis_fixture_still_decodes_so_the_forgeries_differ_only_where_forged()
    {
        var file = HostileAudioFiles.Vorbis((_, packet) => packet);
        using var source = AudioDecoder.Open(_temp.Write(file, ".ogg"));
        Assert.Equal(DecodingFixtures.Row("bulletin-vi-mono-44k-vorbis.ogg").DecodedFrames, DecodingSignals.CountFrames(source));
    }

    [Fact]
    public void Vorbis_comment_header_larger_than_any_encoder_writes_is_refused()
    {
        var huge = new byte[AudioLimits.MaxVorbisCommentBytes + 1];
        var file = HostileAudioFiles.Vorbis((i, packet) => i == 1 ? [.. packet[..11], .. huge] : packet);
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(file, ".ogg")));
        Assert.Equal(AudioErrorCodes.OversizedHeader, ex.Code);
    }

    [Fact]
    public void Vorbis_setup_header_declaring_millions_of_codebook_entries_in_a_few_bytes_is_refused()
    {
        // Two "ordered" codebooks of 16,777,215 one-bit codewords each: 21 bytes that would make a decoder build
        // tables for 33 million entries.
        var bits = new LsbBitWriter();
        bits.Write(1, 8); // two codebooks
        for (var book = 0; book < 2; book++)
        {
            bits.Write(0x564342, 24);
            bits.Write(1, 16);
            bits.Write(0xFFFFFF, 24);
            bits.Write(1, 1);
            bits.Write(0, 5);
            bits.Write(0xFFFFFF, 24);
            bits.Write(0, 4);
        }

        byte[] setup = [5, .. "vorbis"u8, .. bits.ToArray()];
        var file = HostileAudioFiles.Vorbis((i, packet) => i == 2 ? setup : packet);
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(file, ".ogg")));
        Assert.Equal(AudioErrorCodes.OversizedHeader, ex.Code);
        Assert.Contains("1,048,576 entries", ex.Message);
    }

    [Fact]
    public void Vorbis_setup_header_cut_inside_a_codebook_is_refused()
    {
        var file = HostileAudioFiles.Vorbis((i, packet) => i == 2 ? packet[..20] : packet);
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(file, ".ogg")));
        Assert.Equal(AudioErrorCodes.InvalidVorbisHeader, ex.Code);
    }

    [Fact]
    public void Mp3_claims_are_checked_against_the_frames_present_without_allocating_from_them()
    {
        // An MP3 header cannot declare more than 2 channels or an unusual rate; what it can claim is a length (the
        // Info tag's frame count) and a tag size. Neither may cost memory.
        var mp3 = File.ReadAllBytes(DecodingFixtures.PathOf("bulletin-vi-mono-22k-cbr64.mp3"));
        var forgedCount = (byte[])mp3.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(forgedCount.AsSpan(13 + 8), uint.MaxValue);
        byte[] hugeId3 = [.. "ID3"u8, 4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F, .. mp3];

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(forgedCount, ".mp3")));
        var tag = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(hugeId3, ".mp3")));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(AudioErrorCodes.TruncatedMp3, count.Code);
        Assert.Contains("4,294,967,295 frames", count.Message);
        Assert.Equal(AudioErrorCodes.NoAudio, tag.Code);
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated / 1024} KB allocated");
    }

    [Fact]
    public void Four_hostile_files_analysed_in_parallel_allocate_less_than_300_MB()
    {
        string[] paths =
        [
            _temp.Write(HostileAudioFiles.Wav(65535, 8000, 65535, 8, 2 * 65535), ".wav"),
            _temp.Write(HostileAudioFiles.Wav(8191, 8000, 65528, 64, 2 * 65528, tag: 3), ".wav"),
            _temp.Write(ForgedVorbis(VorbisField.VendorLength, 200_000_000), ".ogg"),
            _temp.Write(ForgedVorbis(VorbisField.VendorLength, 150_000_000), ".ogg"),
        ];

        var allocated = new long[paths.Length];
        var outcomes = new string[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                AudioAnalyzer.Analyze(paths[i]);
                outcomes[i] = "accepted";
            }
            catch (Exception e)
            {
                outcomes[i] = e is AudioRejectedException r ? r.Code : e.GetType().Name;
            }

            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        });

        var report = $"{allocated.Sum() / 1_048_576} MB allocated; per file: " +
                     string.Join(", ", allocated.Select((a, i) => $"{a / 1_048_576} MB → {outcomes[i]}"));
        Assert.True(allocated.Sum() < AllowedBytes, report);
        Assert.All(outcomes, o => Assert.True(o is AudioErrorCodes.TooManyChannels or AudioErrorCodes.InvalidVorbisHeader, report));
    }

    /// <summary>A Vorbis header field a forged test file lies about.</summary>
    public enum VorbisField
    {
        /// <summary>Identification header, byte 11.</summary>
        Channels,
        /// <summary>Identification header, bytes 12–15.</summary>
        SampleRate,
        /// <summary>Identification header, byte 28 (two 4-bit exponents).</summary>
        BlockSizes,
        /// <summary>Comment header, bytes 7–10.</summary>
        VendorLength,
        /// <summary>Comment header, the 4 bytes after the vendor string.</summary>
        CommentCount,
    }

    private static byte[] ForgedVorbis(VorbisField field, uint value) => HostileAudioFiles.Vorbis((i, bytes) =>
        (field, i) switch
        {
            (VorbisField.Channels, 0) => HostileAudioFiles.WithByte(bytes, 11, (byte)value),
            (VorbisField.SampleRate, 0) => HostileAudioFiles.WithUInt32(bytes, 12, value),
            (VorbisField.BlockSizes, 0) => HostileAudioFiles.WithByte(bytes, 28, (byte)value),
            (VorbisField.VendorLength, 1) => HostileAudioFiles.WithUInt32(bytes, 7, value),
            (VorbisField.CommentCount, 1) => HostileAudioFiles.WithUInt32(bytes, 11 + (int)BitConverter.ToUInt32(bytes, 7), value),
            _ => bytes,
        });
}
