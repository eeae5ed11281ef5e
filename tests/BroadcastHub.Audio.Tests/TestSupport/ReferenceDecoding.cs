using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit;

namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>ffmpeg's decode of a file as the reference, and how far another decode is from it.</summary>
public static class ReferenceDecoding
{
    /// <summary>Interleaved 32-bit float samples as ffmpeg decodes <paramref name="path"/> (gapless-trimmed).</summary>
    public static float[] Ffmpeg(string path)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-v", "error", "-nostdin", "-i", path, "-f", "f32le", "-" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        using var pcm = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(pcm);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed on {path}: {errors.Result}");
        return MemoryMarshal.Cast<byte, float>(pcm.ToArray().AsSpan()).ToArray();
    }

    /// <summary>Signal-to-difference ratio in dB: energy of <paramref name="reference"/> over energy of the difference.</summary>
    public static double SignalToDifferenceDb(float[] reference, float[] actual)
    {
        Assert.Equal(reference.Length, actual.Length);
        double signal = 0, difference = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            signal += (double)reference[i] * reference[i];
            var d = (double)reference[i] - actual[i];
            difference += d * d;
        }

        return difference == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / difference);
    }
}
