using Xunit;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Tests.TestSupport;

namespace BroadcastHub.Audio.Tests.Decoding;

public sealed class Mp3DamageTests : IDisposable
{
    private const string Cbr = "bulletin-vi-mono-22k-cbr64.mp3";
    private readonly DecodingTempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0.5, 1000)]
    [InlineData(0.3, 37)]
    public void Garbage_inside_the_stream_is_skipped_with_a_warning(double where, int garbageBytes)
    {
        var original = File.ReadAllBytes(DecodingFixtures.PathOf(Cbr));
        var garbage = new byte[garbageBytes];
        new Random(42).NextBytes(garbage);
        for (var i = 0; i + 1 < garbage.Length; i += 97) (garbage[i], garbage[i + 1]) = (0xFF, 0xF3); // fake syncs
        var at = (int)(original.Length * where);
        var damaged = original.Take(at).Concat(garbage).Concat(original.Skip(at)).ToArray();

        using var source = AudioDecoder.Open(_temp.Write(damaged, ".mp3"));
        Assert.Equal(DecodingFixtures.Row(Cbr).DecodedFrames, DecodingSignals.CountFrames(source));
        var warnings = ((IAudioSourceWarnings)source).Warnings;
        Assert.Contains(warnings, w => w.Contains("resynchronised"));
    }

    [Fact]
    public void Mp3_cut_at_a_frame_boundary_is_refused_by_its_declared_frame_count()
    {
        var original = File.ReadAllBytes(DecodingFixtures.PathOf(Cbr));
        var cut = original.Take(208 * 100).ToArray();
        using var probe = new MemoryStream(cut);
        var ex = Assert.ThrowsAny<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(cut, ".mp3")));
        Assert.Equal(AudioErrorCodes.TruncatedMp3, ex.Code);
        Assert.Contains("declares 426 frames", ex.Message);
    }

    [Fact]
    public void Random_bytes_with_sync_patterns_are_not_taken_for_mp3()
    {
        var bytes = new byte[20000];
        new Random(3).NextBytes(bytes);
        for (var i = 0; i + 3 < bytes.Length; i += 50) (bytes[i], bytes[i + 1], bytes[i + 2]) = (0xFF, 0xFB, 0x90);
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(bytes, ".mp3")));
        Assert.Equal(AudioErrorCodes.UnrecognizedFormat, ex.Code);
    }

    [Theory]
    [InlineData("fLaC\0\0\0\x22", "FLAC")]
    [InlineData("OggS\0\x02\0\0", "Ogg")]
    [InlineData("\0\0\0\x20" + "ftypM4A ", "MP4")]
    [InlineData("\xFF\xF1\x50\x80\x02\x1F\xFC", "AAC")]
    [InlineData("%PDF-1.7\n", "PDF")]
    [InlineData("PK\x03\x04\x14\0", "ZIP")]
    public void Known_foreign_formats_are_named(string head, string named)
    {
        var bytes = head.Select(c => (byte)c).Concat(new byte[500]).ToArray();
        var ex = Assert.Throws<AudioRejectedException>(() => AudioDecoder.Open(_temp.Write(bytes, ".mp3")));
        Assert.Equal(AudioErrorCodes.UnsupportedFormat, ex.Code);
        Assert.Contains(named, ex.Message);
        Assert.Contains("MP3", ex.Message);
    }
}
