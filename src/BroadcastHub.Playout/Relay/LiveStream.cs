using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using NAudio.Wave;

namespace BroadcastHub.Playout.Relay;

/// <summary>
/// A live http(s) stream decoded by ffmpeg (an argument list, never a shell) into house-format PCM on its own thread,
/// kept in a small ring that holds only the newest audio. A dropped or refused connection is tried again with
/// back-off (0.5 s doubling up to <c>ReconnectMaxSeconds</c>). Reads never block: they take what is there.
/// </summary>
public sealed class LiveStream : IDisposable
{
    private const double MaxBufferSeconds = 20;
    private static readonly TimeSpan GapMemory = TimeSpan.FromSeconds(12);
    private readonly string _ffmpeg;
    private readonly Uri _url;
    private readonly TimeSpan _reconnectMax;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly PcmRing _ring;
    private readonly Queue<(long At, double Gap)> _gaps = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _reader;
    private readonly TaskCompletionSource _firstAudio = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;
    private int _epoch;
    private int _readEpoch = -1;

    /// <summary>Starts connecting at once.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http or https address.</exception>
    public LiveStream(string ffmpegPath, string url, WaveFormat houseFormat, TimeSpan reconnectMax, TimeProvider time, ILogger log)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            throw new ArgumentException($"A relay stream must be an http or https address (got '{url}').", nameof(url));
        (_ffmpeg, _url, _reconnectMax, _time, _log, WaveFormat) = (ffmpegPath, parsed, reconnectMax, time, log, houseFormat);
        _ring = new PcmRing((int)(MaxBufferSeconds * houseFormat.SampleRate) * houseFormat.Channels, houseFormat.Channels);
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "relay " + parsed.Host };
        _reader.Start();
    }

    /// <summary>The house format of the samples read.</summary>
    public WaveFormat WaveFormat { get; }

    /// <summary>True while a connection is delivering audio.</summary>
    public bool Connected { get; private set; }

    /// <summary>How many connections delivered audio so far.</summary>
    public int Connections => Volatile.Read(ref _epoch);

    /// <summary>Why the last connection attempt ended, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised (on the reader thread) when a connection attempt ends; the argument says why.</summary>
    public event Action<string>? ConnectionLost;

    /// <summary>Raised (on the reader thread) each time a connection starts delivering audio.</summary>
    public event Action? AudioArrived;

    /// <summary>Completes when the first audio arrives.</summary>
    public Task FirstAudio => _firstAudio.Task;

    /// <summary>
    /// The jitter buffer a read keeps: a little more than the longest gap between arrivals seen lately (HLS
    /// segments come in bursts), at least 0.75 s (a busy machine may hold ffmpeg back a few hundred ms).
    /// </summary>
    public double JitterSeconds
    {
        get
        {
            lock (_gaps) return Math.Clamp((_gaps.Count == 0 ? 0 : _gaps.Max(g => g.Gap)) * 1.3 + 0.2, 0.75, 8);
        }
    }

    /// <summary>
    /// Fills as much of <paramref name="buffer"/> as there is live audio that arrived. After a (re)connection, and whenever
    /// more than the jitter buffer plus one second waits, the oldest is dropped first, so what airs is live.
    /// </summary>
    public int Read(Span<float> buffer)
    {
        var keep = (int)(JitterSeconds * WaveFormat.SampleRate) * WaveFormat.Channels;
        var epoch = Volatile.Read(ref _epoch);
        if (epoch != _readEpoch)
        {
            _readEpoch = epoch;
            _ring.KeepNewest(keep);
        }
        else if (_ring.Count > keep + WaveFormat.SampleRate * WaveFormat.Channels)
            _ring.KeepNewest(keep);
        return _ring.Read(buffer);
    }

    private void ReadLoop()
    {
        var wait = TimeSpan.FromSeconds(0.5);
        while (!_stop.IsCancellationRequested)
        {
            var delivered = Connect();
            if (_stop.IsCancellationRequested) return;
            if (delivered) wait = TimeSpan.FromSeconds(0.5);
            _log.LogWarning("Relay {Url}: connection ended ({Error}); trying again in {Wait:0.0} s", _url, LastError, wait.TotalSeconds);
            ConnectionLost?.Invoke(LastError ?? "the stream ended");
            _stop.Token.WaitHandle.WaitOne(wait);
            wait = TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds * 2, _reconnectMax.TotalSeconds));
        }
    }

    /// <summary>One ffmpeg run; true when it delivered audio.</summary>
    private bool Connect()
    {
        var start = new ProcessStartInfo(_ffmpeg)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = false, UseShellExecute = false, CreateNoWindow = true,
        };
        foreach (var a in Arguments()) start.ArgumentList.Add(a);
        var errors = new Queue<string>();
        try
        {
            using var process = new Process { StartInfo = start };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (errors)
                {
                    errors.Enqueue(e.Data);
                    if (errors.Count > 4) errors.Dequeue();
                }
            };
            process.Start();
            process.BeginErrorReadLine();
            _process = process;
            if (_stop.IsCancellationRequested) Kill(process);
            var delivered = Pump(process.StandardOutput.BaseStream);
            Kill(process);
            process.WaitForExit();
            lock (errors)
                LastError = errors.Count > 0 ? string.Join(" | ", errors) : $"the stream ended (ffmpeg exit code {process.ExitCode})";
            return delivered;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            LastError = $"ffmpeg could not run: {e.Message}";
            return false;
        }
        finally
        {
            _process = null;
            Connected = false;
        }
    }

    private bool Pump(Stream output)
    {
        var frameBytes = 4 * WaveFormat.Channels;
        var bytes = new byte[frameBytes * 4096];
        var held = 0;
        var delivered = false;
        var last = 0L;
        int n;
        while ((n = output.Read(bytes, held, bytes.Length - held)) > 0)
        {
            held += n;
            var whole = held - held % frameBytes;
            if (whole == 0) continue;
            var now = _time.GetTimestamp();
            if (!delivered)
            {
                delivered = Connected = true;
                Interlocked.Increment(ref _epoch);
                _firstAudio.TrySetResult();
                AudioArrived?.Invoke();
            }
            else NoteGap(now, _time.GetElapsedTime(last, now).TotalSeconds);
            last = now;
            _ring.Write(MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, whole)));
            Buffer.BlockCopy(bytes, whole, bytes, 0, held - whole);
            held -= whole;
        }
        return delivered;
    }

    private void NoteGap(long now, double gap)
    {
        lock (_gaps)
        {
            _gaps.Enqueue((now, gap));
            while (_gaps.Count > 0 && _time.GetElapsedTime(_gaps.Peek().At, now) > GapMemory) _gaps.Dequeue();
        }
    }

    private IEnumerable<string> Arguments() =>
    [
        "-hide_banner", "-nostdin", "-loglevel", "error",
        "-protocol_whitelist", "http,https,tcp,tls,hls,crypto",
        "-rw_timeout", "5000000",
        "-i", _url.AbsoluteUri,
        "-vn", "-sn", "-dn",
        "-f", "f32le", "-ac", WaveFormat.Channels.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-ar", WaveFormat.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "pipe:1",
    ];

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already exited
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        if (_process is { } p) Kill(p);
        if (_reader.Join(TimeSpan.FromSeconds(5))) _stop.Dispose();
    }
}
