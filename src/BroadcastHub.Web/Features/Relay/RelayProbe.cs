using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BroadcastHub.Audio.Decoding.Ffmpeg;
using BroadcastHub.Web.Features.Newsroom;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Relay;

/// <summary>
/// Opens a relay source with ffprobe and says what audio it carries, or refuses with a stable code:
/// <c>relay_unreachable</c>, <c>relay_not_audio</c>, <c>relay_video_only</c>, <c>relay_playlist_empty</c>,
/// <c>relay_url_private</c>, <c>ffmpeg_missing</c>. Only network protocols are whitelisted (never <c>file</c>,
/// <c>pipe</c>, <c>concat</c>…), also for the segments an HLS playlist names.
/// </summary>
public sealed class RelayProbe(IOptions<FfmpegOptions> ffmpeg, IOptions<RelayHubOptions> options, ILogger<RelayProbe> log)
{
    /// <summary>The protocols ffmpeg may use for a relay.</summary>
    public const string ProtocolWhitelist = "http,https,tcp,tls,hls,crypto";

    private static readonly string[] Unreachable =
    [
        "Connection refused", "Server returned", "HTTP error", "Failed to resolve", "timed out", "No route to host",
        "Network is unreachable", "Connection reset", "I/O error", "End of file", "Name or service not known",
    ];

    private FfmpegTools Tools => new(ffmpeg.Value.Path);

    /// <summary>Refuses with <c>ffmpeg_missing</c>, naming the package, when ffmpeg or ffprobe is not installed.</summary>
    public void RequireFfmpeg()
    {
        if (!Tools.Available)
            throw new AppException(FfmpegErrorCodes.FfmpegMissing, Msg.Get("ThisServerHasNoFfmpegSo2", FfmpegTools.Package));
    }

    /// <summary>ffprobe's arguments for <paramref name="url"/>.</summary>
    public static IReadOnlyList<string> Arguments(Uri url) =>
    [
        "-v", "error", "-hide_banner", "-protocol_whitelist", ProtocolWhitelist, "-rw_timeout", "5000000", "-max_reload", "1",
        "-show_entries", "stream=codec_type,codec_name,sample_rate,channels,bit_rate:format=format_name,bit_rate", "-of", "json",
        url.AbsoluteUri,
    ];

    /// <summary>Probes the source; throws <see cref="AppException"/> with the code when it cannot be relayed.</summary>
    public Task<RelayProbeResult> ProbeAsync(Uri url, CancellationToken cancel) =>
        ProbeAsync(url, TimeSpan.FromSeconds(options.Value.ProbeTimeoutSeconds), cancel);

    /// <summary>Probes the source, giving up (<c>relay_unreachable</c>) after <paramref name="timeout"/>.</summary>
    public async Task<RelayProbeResult> ProbeAsync(Uri url, TimeSpan timeout, CancellationToken cancel)
    {
        RequireFfmpeg();
        if (!options.Value.AllowPrivateAddresses) await RefusePrivateAsync(url, cancel);
        var started = Stopwatch.GetTimestamp();
        var run = await ToolProcess.RunAsync(Tools.Ffprobe!, Arguments(url), timeout, cancel, maxCapturedChars: 64 * 1024);
        var latency = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (run is not { } done)
            throw Refusal("relay_unreachable", Msg.Get("TheStreamDidNotAnswerIn"));
        var isPlaylist = url.AbsolutePath.EndsWith(".m3u8", StringComparison.OrdinalIgnoreCase) || done.StandardOutput.Contains("\"hls\"", StringComparison.Ordinal);
        if (done.ExitCode != 0)
        {
            log.LogInformation("Relay probe of {Url} refused: {Errors}", url, done.StandardError.Trim());
            throw Classify(done.StandardError, isPlaylist);
        }
        return Read(done.StandardOutput, isPlaylist, latency);
    }

    private static RelayProbeResult Read(string json, bool isPlaylist, long latency)
    {
        using var doc = JsonDocument.Parse(json);
        var streams = doc.RootElement.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var audio = streams.FirstOrDefault(x => Str(x, "codec_type") == "audio");
        if (audio.ValueKind == JsonValueKind.Undefined)
        {
            if (streams.Any(x => Str(x, "codec_type") == "video"))
                throw Refusal("relay_video_only", Msg.Get("TheStreamCarriesVideoOnlyNo"));
            if (isPlaylist)
                throw Refusal("relay_playlist_empty", Msg.Get("TheHLSPlaylistPointsToNo"));
            throw Refusal("relay_not_audio", Msg.Get("ThisURLIsNotAnAudio"));
        }
        var format = doc.RootElement.TryGetProperty("format", out var f) ? f : default;
        var bitrate = Number(audio, "bit_rate") ?? (format.ValueKind == JsonValueKind.Object ? Number(format, "bit_rate") : null);
        return new RelayProbeResult(true, Str(audio, "codec_name") ?? "?", (int)(Number(audio, "sample_rate") ?? 0),
            (int)(Number(audio, "channels") ?? 0), isPlaylist && bitrate < 1000 ? null : bitrate, latency);
    }

    private static AppException Classify(string errors, bool isPlaylist)
    {
        if (isPlaylist && (errors.Contains("segment", StringComparison.OrdinalIgnoreCase) || errors.Contains("allowed_", StringComparison.Ordinal)))
            return Refusal("relay_playlist_empty", Msg.Get("TheSegmentsTheHLSPlaylistPoints"));
        if (Unreachable.Any(u => errors.Contains(u, StringComparison.OrdinalIgnoreCase)))
            return Refusal("relay_unreachable", Msg.Get("TheStreamCannotBeReached"));
        return Refusal("relay_not_audio", Msg.Get("ThisURLIsNotAnAudio2"));
    }

    private static async Task RefusePrivateAsync(Uri url, CancellationToken cancel)
    {
        if (RelayUrl.IsPrivateHost(url)) throw RelayUrl.PrivateRefusal();
        if (IPAddress.TryParse(url.DnsSafeHost, out _)) return;
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(url.DnsSafeHost, cancel);
        }
        catch (SocketException)
        {
            throw Refusal("relay_unreachable", Msg.Get("TheStreamHostNameCannotBe"));
        }
        if (addresses.Length > 0 && addresses.All(RelayUrl.IsPrivate)) throw RelayUrl.PrivateRefusal();
    }

    private static AppException Refusal(string code, string message) => new(code, message);

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.Number => v.GetInt64(),
        JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    } : null;
}
