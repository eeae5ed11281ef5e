using System.Buffers.Binary;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;

namespace BroadcastHub.Audio.Tests.Decoding;

public sealed class Mp3TagAndGaplessTests : IDisposable
{
    private const string Cbr = "bulletin-vi-mono-22k-cbr64.mp3";
    private const string Vbr = "bulletin-vi-stereo-44k-vbr-id3.mp3";
    private readonly DecodingTempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Id3v2_with_footer_ape_and_id3v1_tags_are_skipped()
    {
        var id3v2 = Id3v24WithFooter(3000);
        var ape = ApeV2();
        var id3v1 = "TAG"u8.ToArray().Concat(new byte[125]).ToArray();
        var mp3 = File.ReadAllBytes(DecodingFixtures.PathOf(Cbr));
        var path = _temp.Write([.. id3v2, .. mp3, .. ape, .. id3v1], ".mp3");

        using var source = AudioDecoder.Open(path);
        Assert.Equal(DecodingFixtures.Row(Cbr).DecodedFrames, DecodingSignals.CountFrames(source));
        Assert.Empty(((IAudioSourceWarnings)source).Warnings);
    }

    [Fact]
    public void Two_encodes_of_one_bulletin_start_on_the_same_sample_after_gapless_trimming()
    {
        // The MPEG-2 (576-sample frames) and MPEG-1 (1152-sample frames) fixtures hold the same speech; if encoder
        // and decoder delay are trimmed correctly they line up at lag 0.
        using var mono22 = AudioDecoder.Open(DecodingFixtures.PathOf(Cbr));
        using var stereo44 = AudioDecoder.Open(DecodingFixtures.PathOf(Vbr));
        var a = DecodingSignals.ReadAll(mono22);
        var b = DecodingSignals.ReadAll(stereo44);
        var decimated = new float[b.Length / 4];
        for (var i = 0; i < decimated.Length; i++) decimated[i] = (b[4 * i] + b[4 * i + 1] + b[4 * i + 2] + b[4 * i + 3]) / 4;

        var bestLag = Enumerable.Range(-40, 81).MaxBy(lag => Correlation(a, decimated, lag, 1000, 22050 * 4));
        Assert.Equal(0, bestLag);
        Assert.True(Correlation(a, decimated, 0, 1000, 22050 * 4) > 0.95);
    }

    private static double Correlation(float[] a, float[] b, int lag, int from, int to)
    {
        double c = 0, ea = 0, eb = 0;
        for (var i = from; i < to; i++) (c, ea, eb) = (c + a[i] * b[i + lag], ea + a[i] * a[i], eb + b[i + lag] * b[i + lag]);
        return c / Math.Sqrt(ea * eb);
    }

    private static byte[] Id3v24WithFooter(int size)
    {
        byte[] Header(string magic) =>
            [.. System.Text.Encoding.ASCII.GetBytes(magic), 4, 0, 0x10,
             (byte)((size >> 21) & 0x7F), (byte)((size >> 14) & 0x7F), (byte)((size >> 7) & 0x7F), (byte)(size & 0x7F)];
        var body = new byte[size];
        body[100] = 0xFF; // a stray sync byte inside the tag must not matter
        body[101] = 0xFB;
        return [.. Header("ID3"), .. body, .. Header("3DI")];
    }

    private static byte[] ApeV2()
    {
        var items = new byte[64];
        byte[] Block(bool isHeader)
        {
            var block = new byte[32];
            "APETAGEX"u8.CopyTo(block);
            BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(8), 2000);
            BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(12), items.Length + 32);
            BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(16), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(20), 0x80000000u | (isHeader ? 0x20000000u : 0));
            return block;
        }

        return [.. Block(true), .. items, .. Block(false)];
    }
}
