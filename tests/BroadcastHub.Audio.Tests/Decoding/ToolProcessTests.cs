using BroadcastHub.Audio.Decoding.Ffmpeg;

namespace BroadcastHub.Audio.Tests.Decoding;

/// <summary>The one runner of ffmpeg/ffprobe: output captured, a run past its time limit or cancelled is killed.</summary>
public sealed class ToolProcessTests
{
    private static readonly FfmpegTools Tools = new(null);

    // ffmpeg producing silence for ever: only a kill ends it.
    private static readonly string[] Endless = ["-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", "anullsrc", "-f", "null", "-"];

    [Fact]
    public async Task A_finished_run_gives_its_exit_code_and_output_both_ways()
    {
        var sync = ToolProcess.Run(Tools.Ffprobe!, ["-version"], TimeSpan.FromSeconds(30), CancellationToken.None);
        var async = await ToolProcess.RunAsync(Tools.Ffprobe!, ["-version"], TimeSpan.FromSeconds(30), CancellationToken.None);
        foreach (var run in new[] { sync, async })
        {
            Assert.NotNull(run);
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("ffprobe version", run.StandardOutput, StringComparison.Ordinal);
        }
        var refused = ToolProcess.Run(Tools.Ffprobe!, ["-v", "error", "/no/such/file.wav"], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.NotEqual(0, refused!.ExitCode);
        Assert.Contains("No such file", refused.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_past_its_time_limit_is_killed_and_gives_nothing()
    {
        Assert.Null(ToolProcess.Run(Tools.Ffmpeg!, Endless, TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Null(await ToolProcess.RunAsync(Tools.Ffmpeg!, Endless, TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_run_is_killed_and_throws()
    {
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        Assert.ThrowsAny<OperationCanceledException>(() => ToolProcess.Run(Tools.Ffmpeg!, Endless, TimeSpan.FromMinutes(5), soon.Token));
        using var later = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ToolProcess.RunAsync(Tools.Ffmpeg!, Endless, TimeSpan.FromMinutes(5), later.Token));
    }
}
