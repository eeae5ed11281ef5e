using System.Buffers.Binary;

namespace BroadcastHub.LoadBench;

/// <summary>A small speech-like test bulletin: 16-bit PCM mono 16 kHz, synthesised in memory.</summary>
public static class Wav
{
    public static byte[] Synthesise(int index)
    {
        const int rate = 16_000;
        var seconds = 2 + index % 4; // 2–5 s
        var frames = rate * seconds;
        var bytes = new byte[44 + frames * 2];
        var s = bytes.AsSpan();
        "RIFF"u8.CopyTo(s);
        BinaryPrimitives.WriteInt32LittleEndian(s[4..], 36 + frames * 2);
        "WAVEfmt "u8.CopyTo(s[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(s[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(s[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(s[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(s[24..], rate);
        BinaryPrimitives.WriteInt32LittleEndian(s[28..], rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(s[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(s[34..], 16);
        "data"u8.CopyTo(s[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(s[40..], frames * 2);
        // A voice-like tone (fundamental + harmonics) with a 4 Hz syllable envelope; pitch differs per bulletin so
        // every file (content-addressed) is distinct.
        var f0 = 110.0 + index * 7.5;
        for (var i = 0; i < frames; i++)
        {
            var t = i / (double)rate;
            var envelope = 0.5 + 0.5 * Math.Sin(2 * Math.PI * 4 * t);
            var v = 0.5 * Math.Sin(2 * Math.PI * f0 * t) + 0.25 * Math.Sin(2 * Math.PI * 2 * f0 * t) + 0.12 * Math.Sin(2 * Math.PI * 3 * f0 * t);
            BinaryPrimitives.WriteInt16LittleEndian(s[(44 + i * 2)..], (short)(v * envelope * 0.6 * short.MaxValue));
        }
        return bytes;
    }
}
