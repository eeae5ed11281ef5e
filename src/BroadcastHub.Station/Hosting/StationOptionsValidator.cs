using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Hosting;

/// <summary>Checks <see cref="StationOptions"/> at start; every message names the configuration key at fault.</summary>
public sealed class StationOptionsValidator : IValidateOptions<StationOptions>
{
    /// <summary>Upper bound for <c>BroadcastHub:Station:CacheDays</c>.</summary>
    public const int MaxCacheDays = 30;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckHub(options.Hub, failures);
        CheckDataPath(options.DataPath, failures);
        CheckRange("Station:CacheDays", options.Station.CacheDays, 1, MaxCacheDays, "days", failures);
        CheckRange("Station:MaxConcurrentDownloads", options.Station.MaxConcurrentDownloads, 1, 8, "downloads", failures);
        CheckRange("Station:DownloadAttempts", options.Station.DownloadAttempts, 1, 10, "attempts", failures);
        CheckRange("Station:DownloadIdleSeconds", options.Station.DownloadIdleSeconds, 5, 600, "seconds", failures);
        CheckRange("Station:PollSeconds", options.Station.PollSeconds, 5, 3600, "seconds", failures);
        CheckRange("Station:RetryFirstSeconds", options.Station.RetryFirstSeconds, 1, 300, "seconds", failures);
        CheckRange("Station:RetryMaxSeconds", options.Station.RetryMaxSeconds, Math.Clamp(options.Station.RetryFirstSeconds, 1, 300), 3600, "seconds", failures);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
            failures.Add($"{Key("TimeZone")} must be an IANA time zone id such as Asia/Ho_Chi_Minh (got '{options.TimeZone}').");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckHub(HubConnectionOptions hub, List<string> failures)
    {
        var hasUrl = !string.IsNullOrWhiteSpace(hub.Url);
        var hasToken = !string.IsNullOrWhiteSpace(hub.StationToken);
        if (hasUrl && !IsHubAddress(hub.Url!))
            failures.Add($"{Key("Hub:Url")} must be an absolute http:// or https:// address of the hub without query or fragment, e.g. https://hub.example.vn/ (got '{hub.Url}').");
        if (hasUrl && !hasToken)
            failures.Add($"{Key("Hub:StationToken")} is required when {Key("Hub:Url")} is set: use the token the hub showed at enrolment.");
        if (hasToken && !hasUrl)
            failures.Add($"{Key("Hub:Url")} is required when {Key("Hub:StationToken")} is set.");
        // The token goes into an Authorization header; never echo it.
        if (hasToken && hub.StationToken!.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            failures.Add($"{Key("Hub:StationToken")} must not contain spaces or control characters.");
    }

    private static bool IsHubAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);

    private static void CheckDataPath(string? path, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{Key("DataPath")} must be a folder path (default ./station-data).");
            return;
        }
        try { _ = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            failures.Add($"{Key("DataPath")} is not a usable folder path: {e.Message}");
        }
    }

    private static void CheckRange(string key, int value, int min, int max, string unit, List<string> failures)
    {
        if (value < min || value > max)
            failures.Add($"{Key(key)} must be a whole number of {unit} from {min} to {max} (got {value}).");
    }

    private static string Key(string relative) => $"{StationOptions.Section}:{relative}";
}
