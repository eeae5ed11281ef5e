using System.Globalization;
using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Services;

/// <summary>The policy in force for a commune: the nearest unit's, else the station's configured default.</summary>
public sealed class Policies(PolicyRepository repository, IOptions<DefaultPolicyOptions> options)
{
    public BroadcastPolicy Default { get; } = Build(options.Value);

    public BroadcastPolicy ForCommune(long communeId) => repository.ForCommune(communeId) ?? Default;

    private static BroadcastPolicy Build(DefaultPolicyOptions o) => new(
        TimeOnly.ParseExact(o.AllowedFrom, Infrastructure.Settings.DefaultPolicyOptionsValidator.TimeFormats, CultureInfo.InvariantCulture),
        TimeOnly.ParseExact(o.AllowedTo, Infrastructure.Settings.DefaultPolicyOptionsValidator.TimeFormats, CultureInfo.InvariantCulture),
        IsoWeekdays.FromIso(o.Weekdays), o.MaxSessionMinutes, o.MaxSessionsPerDay);
}
