using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NAudio.Wave;

namespace BroadcastHub.Playout.Relay;

/// <summary>
/// The proof of what a relay aired: ffmpeg encodes the audio to Opus in Ogg (<c>.opus</c>, about 32 kbit/s) from its
/// stdin. <see cref="Write(ReadOnlySpan{float})"/> only copies into a bounded buffer (10 s; when full it drops and
/// counts), a writer thread feeds ffmpeg, so the audio thread never waits on the encoder or the disk. Any failure
/// (no ffmpeg, a crash, a full disk) is logged and ends the recording, never the air: <see cref="Complete"/> then
/// returns null and the airtime record has no recording.
/// </summary>
public sealed class RelayRecording : IDisposable
{
    private static readonly TimeSpan CompleteTimeout = TimeSpan.FromSeconds(10);
    private readonly string _path;
    private readonly ILogger _log;
    private readonly RecordingBuffer _buffer;
    private readonly Process? _ffmpeg;
    private readonly Thread? _writer;
    private readonly Stream? _stdin;
    private readonly FfmpegErrors _errors = new();
    private volatile bool _failed;
    private string? _result;
    private bool _completed;

    private RelayRecording(string fullPath, WaveFormat format, Process? ffmpeg, ILogger log)
    {
        (_path, _log, _ffmpeg) = (fullPath, log, ffmpeg);
        _buffer = new RecordingBuffer(format.SampleRate * format.Channels * 10);
        if (ffmpeg is null)
        {
            _failed = true;
            return;
        }

        ffmpeg.ErrorDataReceived += (_, e) => _errors.Add(e.Data);
        ffmpeg.BeginErrorReadLine();
        _stdin = ffmpeg.StandardInput.BaseStream;
        _writer = new Thread(Feed) { IsBackground = true, Name = "relay-recording" };
        _writer.Start();
    }

    /// <summary>Samples dropped because the encoder fell 10 s behind.</summary>
    public long DroppedSamples => _buffer.Dropped;

    /// <summary>Starts ffmpeg writing <paramref name="fullPath"/> (folders are made) from audio in <paramref name="format"/>.</summary>
    /// <param name="ffmpegPath">The ffmpeg executable (from <c>BroadcastHub:Ffmpeg:*</c>).</param>
    /// <param name="fullPath">The <c>.opus</c> file to write.</param>
    /// <param name="format">The audio that will be written: IEEE float, any rate and channel count.</param>
    /// <param name="log">Where failures are told; nowhere when null.</param>
    public static RelayRecording Start(string ffmpegPath, string fullPath, WaveFormat format, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        log ??= NullLogger.Instance;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(fullPath))!);
            return new RelayRecording(fullPath, format, StartFfmpeg(ffmpegPath, fullPath, format), log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception
                                      or InvalidOperationException or ArgumentException)
        {
            log.LogError(e, "The relay recording {Path} could not start; the relay airs without a recording", fullPath);
            return new RelayRecording(fullPath, format, null, log);
        }
    }

    /// <summary>Queues interleaved samples (whole frames); never blocks.</summary>
    public void Write(float[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Queues interleaved samples (whole frames); never blocks.</summary>
    public void Write(ReadOnlySpan<float> samples)
    {
        if (!_failed && !_completed) _buffer.Write(samples);
    }

    /// <summary>
    /// Flushes what is queued, lets ffmpeg finish the file and waits for it (at most 10 s). Returns the file's full path,
    /// or null when the recording failed (logged). Calling it again returns the same answer.
    /// </summary>
    public string? Complete()
    {
        if (_completed) return _result;
        _completed = true;
        _buffer.Close();
        if (_ffmpeg is null) return null;
        var fed = _writer!.Join(CompleteTimeout);
        try { _stdin!.Dispose(); }
        catch (IOException) { _failed = true; }
        var exited = fed && _ffmpeg.WaitForExit(CompleteTimeout);
        if (!exited) Kill();
        _result = Verdict(exited);
        return _result;
    }

    /// <summary>Completes the recording if <see cref="Complete"/> was not called, and frees the process.</summary>
    public void Dispose()
    {
        Complete();
        _ffmpeg?.Dispose();
    }

    private string? Verdict(bool exited)
    {
        _ffmpeg!.WaitForExit();
        var ok = exited && !_failed && _ffmpeg.ExitCode == 0 && File.Exists(_path) && new FileInfo(_path).Length > 0;
        if (ok && DroppedSamples == 0) return _path;
        if (ok)
        {
            _log.LogWarning("The relay recording {Path} dropped {Samples} samples: the encoder fell behind", _path, DroppedSamples);
            return _path;
        }

        _log.LogError("The relay recording {Path} failed (ffmpeg: {Exit}{Timeout}); the airtime record has no recording: {Errors}",
            _path, exited ? _ffmpeg.ExitCode.ToString(CultureInfo.InvariantCulture) : "killed", exited ? "" : " after the timeout", _errors);
        return null;
    }

    private void Feed()
    {
        var chunk = new float[8192];
        try
        {
            int n;
            while ((n = _buffer.Read(chunk)) > 0) _stdin!.Write(MemoryMarshal.AsBytes(chunk.AsSpan(0, n)));
        }
        catch (IOException e)
        {
            _failed = true;
            _buffer.Close();
            _log.LogError(e, "The relay recording {Path} stopped: ffmpeg no longer takes audio", _path);
        }
    }

    private void Kill()
    {
        try { _ffmpeg!.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        _buffer.Close();
    }

    private static Process StartFfmpeg(string ffmpegPath, string fullPath, WaveFormat format)
    {
        var start = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardInput = true, RedirectStandardError = true,
            UseShellExecute = false, CreateNoWindow = true,
        };
        foreach (var a in OpusArguments.For(fullPath, format)) start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
    }
}
