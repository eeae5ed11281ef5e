using System.Globalization;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout;

/// <summary>Refuses, at start, playout settings the engine could only misread at the instant of air.</summary>
public sealed class PlayoutOptionsValidator : IValidateOptions<PlayoutOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PlayoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.GraceSeconds is < 0 or > 3600) errors.Add($"BroadcastHub:GraceSeconds must be 0–3600 (got {options.GraceSeconds}).");
        if (options.HouseFormat.SampleRate is < 8000 or > 192000)
            errors.Add($"BroadcastHub:HouseFormat:SampleRate must be 8000–192000 (got {options.HouseFormat.SampleRate}).");
        if (options.HouseFormat.Channels is < 1 or > 2) errors.Add($"BroadcastHub:HouseFormat:Channels must be 1 or 2 (got {options.HouseFormat.Channels}).");
        Whole(options.Outputs, "Retries", 0, 10, errors);
        Whole(options.Outputs, "RetryDelayMilliseconds", 0, 10_000, errors);
        if (!double.IsFinite(options.DeadAir.Seconds) || options.DeadAir.Seconds <= 0)
            errors.Add($"BroadcastHub:DeadAir:Seconds must be a positive number (got {options.DeadAir.Seconds}).");
        if (!double.IsFinite(options.DeadAir.ThresholdDbfs) || options.DeadAir.ThresholdDbfs is < -140 or > 0)
            errors.Add($"BroadcastHub:DeadAir:ThresholdDbfs must be from -140 to 0 (got {options.DeadAir.ThresholdDbfs}).");
        Loudness("BroadcastHub:Loudness", options.Loudness, errors);
        foreach (var (key, zone) in options.ZoneLoudness) Loudness($"BroadcastHub:Loudness:{key}", zone, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Whole(Dictionary<string, string> outputs, string key, int min, int max, List<string> errors)
    {
        if (outputs.TryGetValue(key, out var text)
            && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max))
            errors.Add($"BroadcastHub:Outputs:{key} must be a whole number from {min} to {max} (got '{text}').");
    }

    private static void Loudness(string prefix, LoudnessSettings settings, List<string> errors)
    {
        foreach (var (key, value) in new[] { ("TargetLufs", settings.TargetLufs), ("TruePeakCeilingDbtp", settings.TruePeakCeilingDbtp), ("MaxGainDb", settings.MaxGainDb) })
            if (value is { } v && !double.IsFinite(v)) errors.Add($"{prefix}:{key} must be a finite number (got {v}).");
    }
}
