using BroadcastHub.Playout;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>
/// One short line saying what is wrong with a commune's output, in the UI language, with its status class
/// (<c>status-warning</c> amber, <c>status-error</c> red). The library's own text and file paths stay on the
/// administrator's pages (/stations, /health).
/// </summary>
public sealed record OutputNotice(string Status, string Line)
{
    /// <summary>Null when the output is fine (ready, or not opened yet).</summary>
    public static OutputNotice? For(ZoneOutputState state, string communeName)
    {
        if (state.LastError is not null || state.State == "error")
            return new("error", Msg.Get("TheOutputFailedDuringItsLast", communeName));
        if (state.State == "fallback")
            return new("warning", Msg.Get("TheOutputDidNotOpenWriting", communeName));
        if (state.RefusedSpec is not null)
            return new("warning", Msg.Get("TheChosenOutputIsNotAllowed", communeName));
        if (state.Warning is not null)
            return new("warning", Msg.Get("NoSoundCardWritingToFiles", communeName));
        return null;
    }

    /// <summary>The status class of the output's badge: ready is never red.</summary>
    public static string StatusOf(ZoneOutputState state) => For(state, "")?.Status ?? (state.State == "ready" ? "ready" : "idle");
}
