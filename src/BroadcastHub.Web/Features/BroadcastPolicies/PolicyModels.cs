using System.Globalization;
using BroadcastHub.Core.Policies;
using BroadcastHub.Web.Infrastructure.Localisation;

namespace BroadcastHub.Web.Features.BroadcastPolicies;

/// <summary>A unit's broadcast policy as the policies page posts it (texts, so a refusal can show what was typed).</summary>
public sealed class PolicyForm
{
    public string? AllowedFrom { get; set; }
    public string? AllowedTo { get; set; }
    public List<string> Weekdays { get; set; } = [];
    public string? MaxSessionMinutes { get; set; }
    public string? MaxSessionsPerDay { get; set; }

    /// <summary>The form filled with <paramref name="policy"/> (midnight as 24:00).</summary>
    public static PolicyForm Of(BroadcastPolicy policy) => new()
    {
        AllowedFrom = policy.AllowedFrom.ToString("HH:mm", CultureInfo.InvariantCulture),
        AllowedTo = policy.AllowedTo == TimeOnly.MinValue ? "24:00" : policy.AllowedTo.ToString("HH:mm", CultureInfo.InvariantCulture),
        Weekdays = policy.Weekdays.ToIso().Select(d => d.ToString(CultureInfo.InvariantCulture)).ToList(),
        MaxSessionMinutes = policy.MaxSessionMinutes.ToString(CultureInfo.InvariantCulture),
        MaxSessionsPerDay = policy.MaxSessionsPerDay.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Quy định phát thanh: every unit with its policy, and the posted form of one unit after a refusal.</summary>
public sealed class PoliciesPage
{
    public required IReadOnlyList<UnitPolicyRow> Rows { get; init; }
    public required BroadcastPolicy Default { get; init; }

    /// <summary>The unit whose form was refused, with what was posted; every other form shows the policy in force.</summary>
    public long? PostedUnitId { get; init; }
    public PolicyForm? Posted { get; init; }

    public PolicyForm FormFor(UnitPolicyRow row) => row.Unit.Id == PostedUnitId && Posted is not null ? Posted : PolicyForm.Of(row.InForce);

    /// <summary>The policy as one line: hours, weekdays, limits.</summary>
    public static string Describe(BroadcastPolicy p) =>
        $"{p.AllowedFrom:HH\\:mm}–{(p.AllowedTo == TimeOnly.MinValue ? "24:00" : p.AllowedTo.ToString("HH:mm", CultureInfo.InvariantCulture))} · "
        + $"{Ui.WeekdayList(p.Weekdays)} · {Msg.Get("AtMostMinSessionSessionsDay", p.MaxSessionMinutes, p.MaxSessionsPerDay)}";
}
