using System.Diagnostics;

namespace BroadcastHub.Audio.Tests.Newsroom;

/// <summary>Runs a tool to make test material; fails the test when it fails.</summary>
public static class Tool
{
    public static void Run(string exe, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{exe} failed: {errors}");
    }
}
