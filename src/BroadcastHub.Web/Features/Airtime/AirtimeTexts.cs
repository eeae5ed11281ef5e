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
        AirtimeOutcome.Preempted when Starts(note, OperatorStop) => Msg.Get("StoppedByAnOperator"),
        AirtimeOutcome.Preempted when Starts(note, EmergencyStop) => Msg.Get("CutByAnEmergencyAiring"),
        AirtimeOutcome.Skipped when Starts(note, OperatorStop) => Msg.Get("NotAiredStoppedByAnOperator"),
        AirtimeOutcome.Skipped when Starts(note, EmergencyStop) => Msg.Get("NotAiredCutByAnEmergency"),
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
            return Msg.Get("StartedSLate", Ui.Number(double.Parse(late.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        return part switch
        {
            _ when part.StartsWith("decoding failed", StringComparison.Ordinal) => Msg.Get("TheAudioFileCouldNotBe"),
            _ when part.StartsWith("output failed", StringComparison.Ordinal) => Msg.Get("TheAudioOutputFailed"),
            _ when part.StartsWith("output ", StringComparison.Ordinal) && part.Contains("fallback", StringComparison.Ordinal) =>
                Msg.Get("TheOutputFailedAiredOnThe"),
            _ when part.StartsWith("output ", StringComparison.Ordinal) => Msg.Get("TheOutputFailedAiredAfterA"),
            _ when part.StartsWith("dead air", StringComparison.Ordinal) => Msg.Get("LongSilenceDeadAir"),
            "the station was shutting down" => Msg.Get("TheStationWasShuttingDown"),
            "cut at the end of the session" => Msg.Get("CutAtTheEndOfThe"),
            "the session ended before this item" => Msg.Get("TheSessionEndedBeforeThisItem"),
            "playback ended before this item finished" => Msg.Get("PlaybackEndedBeforeThisItemFinished"),
            "not approved or not valid on this date" => Msg.Get("NotApprovedOrNotValidOn"),
            "the media file is missing from the station" => Msg.Get("TheMediaFileIsMissingFrom"),
            "not aired: the station was down until the session ended" => Msg.Get("NotAiredTheStationWasDown"),
            "not aired: the zone was busy until the session ended" => Msg.Get("NotAiredTheZoneWasBusy"),
            _ when part.StartsWith("not aired", StringComparison.Ordinal) => Msg.Get("NotAiredMissed"),
            _ => Msg.Get("SeeTheSystemLogForDetails"),
        };
    }

    private static bool Starts(string? note, string prefix) => note?.StartsWith(prefix, StringComparison.Ordinal) == true;

    [GeneratedRegex(@"^started (\d+(?:\.\d+)?) s late$")]
    private static partial Regex LatePattern();
}
