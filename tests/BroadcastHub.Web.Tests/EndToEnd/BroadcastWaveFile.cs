using System.Text;

namespace BroadcastHub.Web.Tests.EndToEnd;

/// <summary>Reads what the <c>file</c> output wrote: the bext timing fields and the 16-bit PCM samples.</summary>
public sealed record BroadcastWaveFile(string OriginationDate, string OriginationTime, ulong TimeReference, int SampleRate, int Channels, short[] Samples)
{
    public static BroadcastWaveFile Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != "RIFF") throw new InvalidDataException("not RIFF");
        reader.ReadUInt32();
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != "WAVE") throw new InvalidDataException("not WAVE");
        string? date = null, time = null;
        ulong reference = 0;
        int rate = 0, channels = 0;
        short[]? samples = null;
        while (reader.BaseStream.Position + 8 <= reader.BaseStream.Length)
        {
            var id = Encoding.ASCII.GetString(reader.ReadBytes(4));
            var size = reader.ReadUInt32();
            var body = reader.ReadBytes((int)size);
            if (size % 2 == 1 && reader.BaseStream.Position < reader.BaseStream.Length) reader.ReadByte();
            switch (id)
            {
                case "bext":
                    date = Encoding.ASCII.GetString(body, 320, 10);
                    time = Encoding.ASCII.GetString(body, 330, 8);
                    reference = BitConverter.ToUInt64(body, 338);
                    break;
                case "fmt ":
                    channels = BitConverter.ToInt16(body, 2);
                    rate = BitConverter.ToInt32(body, 4);
                    break;
                case "data":
                    samples = new short[body.Length / 2];
                    Buffer.BlockCopy(body, 0, samples, 0, samples.Length * 2);
                    break;
            }
        }
        return new BroadcastWaveFile(date ?? throw new InvalidDataException("no bext chunk"), time!, reference, rate, channels,
            samples ?? throw new InvalidDataException("no data chunk"));
    }

    /// <summary>The instant of the first sample: local midnight of the origination date plus TimeReference samples.</summary>
    public DateTimeOffset FirstSampleInstant(TimeZoneInfo zone)
    {
        var midnight = DateOnly.ParseExact(OriginationDate, "yyyy-MM-dd").ToDateTime(TimeOnly.MinValue);
        var local = midnight.AddTicks((long)(TimeReference * (double)TimeSpan.TicksPerSecond / SampleRate));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public double DurationSeconds => (double)Samples.Length / Channels / SampleRate;
}
