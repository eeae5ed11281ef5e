using System.Text.RegularExpressions;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Localisation;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>
/// How an airtime record reads in the UI language. The record keeps the engine's English note (it is hashed into the
/// airtime chain and read by technicians in the logs); pages and exports show a translated line instead.
/// </summary>
public static partial class AirtimeTexts
{
    /// <summary>The note the engine records when an operator stops a zone (dừng phát).</summary>
    public const string OperatorStop = "stopped by an operator";

    /// <summary>The note the engine records when an emergency airing cuts a zone's session.</summary>
    public const string EmergencyStop = "preempted by an emergency bulletin";

    /// <summary>The outcome as the user reads it: a manual stop is not an emergency preemption, though both are <c>Preempted</c>.</summary>
    public static string Outcome(AirtimeOutcome outcome, string? note) => outcome switch
    {
        AirtimeOutcome.Preempted when Starts(note, OperatorStop) => Text.Pick("Dừng bởi người vận hành", "Stopped by an operator"),
        AirtimeOutcome.Preempted when Starts(note, EmergencyStop) => Text.Pick("Bị ngắt bởi phát khẩn cấp", "Cut by an emergency airing"),
        AirtimeOutcome.Skipped when Starts(note, OperatorStop) => Text.Pick("Không phát: người vận hành đã dừng", "Not aired: stopped by an operator"),
        AirtimeOutcome.Skipped when Starts(note, EmergencyStop) => Text.Pick("Không phát: bị phát khẩn cấp ngắt", "Not aired: cut by an emergency airing"),
        _ => Ui.Outcome(outcome),
    };

    /// <summary>The record's note in the UI language, part by part; null when there is none or the outcome already says it.</summary>
    public static string? Note(string? note)
    {
        if (string.IsNullOrWhiteSpace(note)) return null;
        var parts = note.Split("; ").Select(Part).Where(p => p is not null).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? Part(string part)
    {
        if (Starts(part, OperatorStop) || Starts(part, EmergencyStop)) return null;
        if (LatePattern().Match(part) is { Success: true } late)
            return Text.Pick($"bắt đầu trễ {Ui.Number(double.Parse(late.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))} giây",
                $"started {Ui.Number(double.Parse(late.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))} s late");
        return part switch
        {
            _ when part.StartsWith("decoding failed", StringComparison.Ordinal) => Text.Pick("không giải mã được tệp âm thanh", "the audio file could not be decoded"),
            _ when part.StartsWith("output failed", StringComparison.Ordinal) => Text.Pick("lỗi thiết bị phát âm thanh", "the audio output failed"),
            _ when part.StartsWith("output ", StringComparison.Ordinal) && part.Contains("fallback", StringComparison.Ordinal) =>
                Text.Pick("đầu ra lỗi; đã phát qua đầu ra dự phòng", "the output failed; aired on the fallback output"),
            _ when part.StartsWith("output ", StringComparison.Ordinal) => Text.Pick("đầu ra lỗi; đã phát sau khi thử lại", "the output failed; aired after a retry"),
            _ when part.StartsWith("dead air", StringComparison.Ordinal) => Text.Pick("có khoảng lặng kéo dài", "long silence (dead air)"),
            "the station was shutting down" => Text.Pick("máy phát đang tắt", "the station was shutting down"),
            "cut at the end of the session" => Text.Pick("bị cắt khi hết buổi phát", "cut at the end of the session"),
            "the session ended before this item" => Text.Pick("buổi phát đã hết trước bản tin này", "the session ended before this item"),
            "playback ended before this item finished" => Text.Pick("phát dừng trước khi hết bản tin", "playback ended before this item finished"),
            "not approved or not valid on this date" => Text.Pick("chưa được duyệt hoặc hết hiệu lực vào ngày này", "not approved or not valid on this date"),
            "the media file is missing from the station" => Text.Pick("máy phát không có tệp âm thanh", "the media file is missing from the station"),
            "not aired: the station was down until the session ended" => Text.Pick("không phát: máy phát ngừng hoạt động đến hết buổi", "not aired: the station was down until the session ended"),
            "not aired: the zone was busy until the session ended" => Text.Pick("không phát: vùng phát bận đến hết buổi", "not aired: the zone was busy until the session ended"),
            _ when part.StartsWith("not aired", StringComparison.Ordinal) => Text.Pick("không phát được (lỡ giờ)", "not aired (missed)"),
            _ => Text.Pick("xem chi tiết trong nhật ký hệ thống", "see the system log for details"),
        };
    }

    private static bool Starts(string? note, string prefix) => note?.StartsWith(prefix, StringComparison.Ordinal) == true;

    [GeneratedRegex(@"^started (\d+(?:\.\d+)?) s late$")]
    private static partial Regex LatePattern();
}
