using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Settings;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Tests.Settings;

/// <summary>The validators on real configuration: the shipped defaults pass, each refusal names its full key.</summary>
public sealed class SettingsValidationTests
{
    [Fact]
    public void The_defaults_and_the_shipped_appsettings_are_valid()
    {
        var services = Services(new Dictionary<string, string?>(), appsettings: true);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(14, services.GetRequiredService<IOptions<SchedulingOptions>>().Value.HorizonDays);
        Assert.Equal("05:00", services.GetRequiredService<IOptions<DefaultPolicyOptions>>().Value.AllowedFrom);
    }

    [Fact]
    public void Every_refusal_of_a_section_is_reported_at_once_each_with_its_key()
    {
        var services = Services(new Dictionary<string, string?>
        {
            ["BroadcastHub:HorizonDays"] = "61",
            ["BroadcastHub:GraceSeconds"] = "-1",
            ["BroadcastHub:DefaultPolicy:Weekdays:0"] = "8",
            ["BroadcastHub:Auth:KnownProxies:0"] = "proxy.example",
            ["BroadcastHub:Limits:MaxRequestBodyBytes"] = "10",
        });

        var failures = Failures(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(failures, f => f.StartsWith("BroadcastHub:HorizonDays ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("BroadcastHub:GraceSeconds ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("BroadcastHub:DefaultPolicy:Weekdays ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("BroadcastHub:Auth:KnownProxies ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("BroadcastHub:Limits:MaxRequestBodyBytes ", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_inside_their_ranges_are_read_as_given()
    {
        var services = Services(new Dictionary<string, string?>
        {
            ["BroadcastHub:PlannerCheckSeconds"] = "1",
            ["BroadcastHub:Dashboard:HeartbeatSeconds"] = "300",
            ["BroadcastHub:DefaultPolicy:AllowedTo"] = "00:00",
            ["BroadcastHub:Library:MaxQueuedAnalyses"] = "0",
            ["BroadcastHub:Approval:FourEyes"] = "false",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(1, services.GetRequiredService<IOptions<SchedulingOptions>>().Value.PlannerCheckSeconds);
        Assert.Equal(300, services.GetRequiredService<IOptions<DashboardOptions>>().Value.HeartbeatSeconds);
        Assert.Equal(0, services.GetRequiredService<IOptions<LibraryLimitsOptions>>().Value.MaxQueuedAnalyses);
        Assert.False(services.GetRequiredService<IOptions<ApprovalOptions>>().Value.FourEyes);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, bool appsettings = false)
    {
        var builder = new ConfigurationBuilder();
        if (appsettings) builder.AddJsonFile(Path.Combine(Browser.RepoPaths.Root, "src", "BroadcastHub.Web", "appsettings.json"));
        var configuration = builder.AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddBroadcastHubOptions().BuildServiceProvider();
    }

    private static IReadOnlyList<string> Failures(Action validate)
    {
        try
        {
            validate();
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.ToList();
        }
        catch (AggregateException e)
        {
            return e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(o => o.Failures).ToList();
        }
        throw new Xunit.Sdk.XunitException("the settings were accepted");
    }
}
