using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Relay;

namespace BroadcastHub.Playout.Relay;

/// <summary>What a relay item's airtime record adds: its source, its outages among the frames that aired, its recording.</summary>
public static class RelayRecords
{
    /// <summary>
    /// <paramref name="record"/> as a relay's: no bulletin, the source, outage seconds and count within the
    /// <paramref name="playedFrames"/> that aired (all of them when the chain never opened), and the finished recording.
    /// </summary>
    public static AirtimeRecord Complete(AirtimeRecord record, RelaySource source, RelayOnAir? onAir, long playedFrames)
    {
        var (outageSeconds, outages) = onAir?.Provider.OutageUpTo(playedFrames) ?? (record.PlayedSeconds, playedFrames > 0 ? 1 : 0);
        var note = outages == 0 ? null
            : outageSeconds >= record.PlayedSeconds - 0.05 && record.PlayedSeconds > 0
                ? $"the stream {source.Name} could not be reached; the fill aired"
                : $"the stream {source.Name} was away {outages} time(s), {outageSeconds:0.0} s in all (from "
                    + string.Join(", ", onAir?.Provider.OutageStartsUpTo(playedFrames).Select(s => $"{s:0.0} s") ?? []) + "); the fill aired meanwhile";
        return record with
        {
            BulletinId = 0, RelaySourceId = source.Id, OutageSeconds = Math.Round(outageSeconds, 3), Outages = outages,
            RecordingPath = onAir?.CompleteRecording(),
            Error = record.Error is null ? note : note is null ? record.Error : record.Error + "; " + note,
        };
    }
}
