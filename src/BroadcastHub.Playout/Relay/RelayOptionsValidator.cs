using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout.Relay;

/// <summary>Refuses relay settings that cannot work, at start, naming the key.</summary>
public sealed class RelayOptionsValidator : IValidateOptions<RelayOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RelayOptions options)
    {
        var errors = new List<string>();
        if (options.PrerollSeconds is < 1 or > 120 || double.IsNaN(options.PrerollSeconds))
            errors.Add($"{RelayOptions.Section}:PrerollSeconds must be between 1 and 120 (got {options.PrerollSeconds}).");
        if (options.FillBulletinId is <= 0)
            errors.Add($"{RelayOptions.Section}:FillBulletinId must be a bulletin id (got {options.FillBulletinId}).");
        if (options.ReconnectMaxSeconds is < 0.5 or > 300 || double.IsNaN(options.ReconnectMaxSeconds))
            errors.Add($"{RelayOptions.Section}:ReconnectMaxSeconds must be between 0.5 and 300 (got {options.ReconnectMaxSeconds}).");
        if (options.RecordingRetentionDays < 1)
            errors.Add($"{RelayOptions.Section}:RecordingRetentionDays must be at least 1 (got {options.RecordingRetentionDays}).");
        if (options.LevellerMaxGainDb is < 0 or > 30 || double.IsNaN(options.LevellerMaxGainDb))
            errors.Add($"{RelayOptions.Section}:LevellerMaxGainDb must be between 0 and 30 (got {options.LevellerMaxGainDb}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
