using System.Globalization;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Settings;

/// <summary>
/// Collects what is wrong with one configuration section, each failure naming its full key
/// (<c>BroadcastHub:HorizonDays must be between 1 and 60…</c>), for an <see cref="IValidateOptions{TOptions}"/>.
/// </summary>
public sealed class OptionErrors(string section)
{
    private readonly List<string> _failures = [];

    /// <summary>The full configuration key of <paramref name="name"/> in this section.</summary>
    public string Key(string name) => $"{section}:{name}";

    public OptionErrors Between(string name, long value, long min, long max)
    {
        if (value < min || value > max)
            _failures.Add(Msg.Get("OptionMustBeBetween", Key(name), min, max, value));
        return this;
    }

    public OptionErrors Between(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            _failures.Add(Msg.Get("OptionMustBeBetween", Key(name), min, max, value.ToString(CultureInfo.InvariantCulture)));
        return this;
    }

    public OptionErrors Required(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) _failures.Add(Msg.Get("OptionIsRequired", Key(name)));
        return this;
    }

    /// <summary>Adds a failure (<paramref name="messageKey"/> from the catalog, the key as {0}) unless <paramref name="valid"/>.</summary>
    public OptionErrors Check(bool valid, string name, string messageKey, params object?[] args)
    {
        if (!valid) _failures.Add(Msg.Get(messageKey, [Key(name), .. args]));
        return this;
    }

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
