using Xunit;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>A parsed Broadcast Wave file, as the tests see it.</summary>
public sealed record OutputBwfFile(
    string Description, string Originator, string OriginatorReference, string OriginationDate, string OriginationTime,
    ulong TimeReference, ushort Version, string CodingHistory, int Channels, int SampleRate, int BitsPerSample,
    short[] Samples, long RiffSize, long FileLength, long DeclaredDataSize, string[] ChunkOrder)
{
    /// <summary>Instant of the first sample: origination date (local midnight) + TimeReference samples.</summary>
    public DateTimeOffset FirstSampleInstant(TimeZoneInfo zone)
    {
        var date = DateTime.ParseExact(OriginationDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var local = date + TimeSpan.FromTicks((long)(TimeReference * (decimal)TimeSpan.TicksPerSecond / SampleRate));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>Minimal RIFF/WAVE + bext reader written independently of the production writer.</summary>
public static class OutputBwfReader
{
    public static OutputBwfFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("RIFF", Ascii(bytes, 0, 4));
        Assert.Equal("WAVE", Ascii(bytes, 8, 4));
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        string desc = "", orig = "", origRef = "", date = "", time = "", history = "";
        ulong timeRef = 0;
        ushort version = 0, channels = 0, bits = 0;
        var rate = 0;
        short[] samples = [];
        long declaredData = -1;
        var order = new List<string>();
        var pos = 12;
        while (pos + 8 <= bytes.Length)
        {
            var id = Ascii(bytes, pos, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos + 4));
            var body = pos + 8;
            order.Add(id);
            switch (id)
            {
                case "bext":
                    desc = Text(bytes, body, 256);
                    orig = Text(bytes, body + 256, 32);
                    origRef = Text(bytes, body + 288, 32);
                    date = Text(bytes, body + 320, 10);
                    time = Text(bytes, body + 330, 8);
                    timeRef = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(body + 338))
                        | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(body + 342)) << 32);
                    version = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 346));
                    history = Text(bytes, body + 602, size - 602);
                    break;
                case "fmt ":
                    Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body)));
                    channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 2));
                    rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(body + 4));
                    bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 14));
                    break;
                case "data":
                    declaredData = size;
                    var available = Math.Min(size, bytes.Length - body);
                    samples = new short[available / 2];
                    for (var i = 0; i < samples.Length; i++)
                    {
                        samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + (2 * i)));
                    }

                    break;
            }

            pos = body + size + (size & 1);
        }

        return new OutputBwfFile(desc, orig, origRef, date, time, timeRef, version, history, channels, rate, bits,
            samples, riffSize, bytes.Length, declaredData, [.. order]);
    }

    private static string Ascii(byte[] b, int offset, int length) => Encoding.ASCII.GetString(b, offset, length);

    private static string Text(byte[] b, int offset, int length) =>
        Encoding.ASCII.GetString(b, offset, Math.Max(0, length)).TrimEnd('\0');
}
