using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Playout;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>A station alert as the dashboard shows it: short, translated, without raw library text.</summary>
public static class StationAlertLine
{
    /// <summary>Alerts whose message is already a short translated line (no exception text, no path).</summary>
    private static readonly HashSet<string> Clean = ["low_disk", "media_missing"];

    public static string For(StationAlert alert) => Clean.Contains(alert.Code) ? alert.Message : alert.Code switch
    {
        "airtime_write_failed" => Msg.Get("TheAirtimeLogCouldNotBe"),
        "hangfire_rebuilt" => Msg.Get("TheJobStorageWasRebuiltAt"),
        _ => Msg.Get("TheStationNeedsALook"),
    };

    /// <summary>The status class: <c>error</c> red, else amber.</summary>
    public static string StatusOf(StationAlert alert) => alert.Severity == "error" ? "error" : "warning";
}
