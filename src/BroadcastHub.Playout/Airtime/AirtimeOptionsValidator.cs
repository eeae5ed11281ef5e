using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout;

/// <summary>Refuses, at start, airtime settings that would never checkpoint, never retry or delete every recording.</summary>
public sealed class AirtimeOptionsValidator : IValidateOptions<AirtimeOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AirtimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.CheckpointEveryRecords < 1) errors.Add($"{AirtimeOptions.Section}:CheckpointEveryRecords must be at least 1 (got {options.CheckpointEveryRecords}).");
        if (options.CheckpointEveryMinutes < 1) errors.Add($"{AirtimeOptions.Section}:CheckpointEveryMinutes must be at least 1 (got {options.CheckpointEveryMinutes}).");
        if (options.WriteRetryMaxSeconds < 1) errors.Add($"{AirtimeOptions.Section}:WriteRetryMaxSeconds must be at least 1 (got {options.WriteRetryMaxSeconds}).");
        if (options.RecordingRetentionDays < 0) errors.Add($"{AirtimeOptions.Section}:RecordingRetentionDays must be 0 (keep all) or more (got {options.RecordingRetentionDays}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
