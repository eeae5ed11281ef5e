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
            warnings.Add(Text.Pick("Bản tin gần như im lặng (dưới −70 LUFS).", "The bulletin is (nearly) silent: below −70 LUFS."));
        else if (Math.Abs(bulletin.IntegratedLufs - target.TargetLufs) >= LargeGainLu)
            warnings.Add(Text.Pick(
                $"Độ lớn {Ui(bulletin.IntegratedLufs)} LUFS lệch mục tiêu {Ui(target.TargetLufs)} LUFS; khi phát sẽ chỉnh mức {Ui(target.TargetLufs - bulletin.IntegratedLufs)} dB.",
                $"Loudness {Ui(bulletin.IntegratedLufs)} LUFS is far from the {Ui(target.TargetLufs)} LUFS target; playout will apply {Ui(target.TargetLufs - bulletin.IntegratedLufs)} dB of gain."));
        if (bulletin.TruePeakDbtp > target.TruePeakCeilingDbtp)
            warnings.Add(Text.Pick(
                $"Đỉnh thực {Ui(bulletin.TruePeakDbtp)} dBTP vượt ngưỡng {Ui(target.TruePeakCeilingDbtp)} dBTP: có thể bị méo; bộ giới hạn sẽ hạ đỉnh khi phát.",
                $"True peak {Ui(bulletin.TruePeakDbtp)} dBTP is above the {Ui(target.TruePeakCeilingDbtp)} dBTP ceiling: it may distort; the limiter will catch it at playout."));
        return warnings;
    }

    private static string Ui(double value) => Infrastructure.Localisation.Ui.Number(value);
}
