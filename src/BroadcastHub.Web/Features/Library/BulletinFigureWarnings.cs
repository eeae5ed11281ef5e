using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Loudness;
using BroadcastHub.Core.Library;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Library;

/// <summary>Warnings an operator should see, read from a bulletin's stored measurements against the playout loudness target.</summary>
public static class BulletinFigureWarnings
{
    /// <summary>Loudness this far (LU) from the target is corrected by a gain large enough to mention.</summary>
    public const double LargeGainLu = 10;

    /// <summary>The warnings for <paramref name="bulletin"/>, in the UI language; empty when nothing stands out.</summary>
    public static IReadOnlyList<string> For(Bulletin bulletin, LoudnessTarget target)
    {
        var warnings = new List<string>();
        if (bulletin.IntegratedLufs <= AudioAnalysis.GateFloorLufs)
            warnings.Add(Msg.Get("TheBulletinIsNearlySilentBelow"));
        else if (Math.Abs(bulletin.IntegratedLufs - target.TargetLufs) >= LargeGainLu)
            warnings.Add(Msg.Get("LoudnessLUFSIsFarFromThe", Ui(bulletin.IntegratedLufs), Ui(target.TargetLufs), Ui(target.TargetLufs - bulletin.IntegratedLufs)));
        if (bulletin.TruePeakDbtp > target.TruePeakCeilingDbtp)
            warnings.Add(Msg.Get("TruePeakDBTPIsAboveThe", Ui(bulletin.TruePeakDbtp), Ui(target.TruePeakCeilingDbtp)));
        return warnings;
    }

    private static string Ui(double value) => Infrastructure.Localisation.Ui.Number(value);
}
