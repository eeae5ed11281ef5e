namespace BroadcastHub.Audio.Decoding.Ffmpeg;

/// <summary>Runs the decoder's ffmpeg and ffprobe: a run that outlives its time limit is a refused upload.</summary>
internal static class FfmpegProcess
{
    /// <summary>Runs <paramref name="exe"/>; kills it when <paramref name="cancel"/> fires or <paramref name="timeout"/> passes.</summary>
    public static ToolRun Run(string exe, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancel) =>
        ToolProcess.Run(exe, arguments, timeout, cancel) ?? throw new AudioRejectedException(FfmpegErrorCodes.DecodeTimeout,
            $"Decoding took longer than {timeout.TotalMinutes:0} minutes and was stopped.");
}
