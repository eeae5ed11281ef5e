using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Settings;

/// <summary>A bad setting stops the real process at start with one line naming its key and exit code 3 — not at air time.</summary>
public sealed class BadSettingStartTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "BroadcastHub__HorizonDays", "0", "BroadcastHub:HorizonDays must be between 1 and 60" },
        { "BroadcastHub__ArmLeadSeconds", "soon", "BroadcastHub:ArmLeadSeconds" },
        { "BroadcastHub__PlannerCron", "every quarter hour", "BroadcastHub:PlannerCron" },
        { "BroadcastHub__DefaultPolicy__AllowedFrom", "25:00", "BroadcastHub:DefaultPolicy:AllowedFrom" },
        { "BroadcastHub__Dashboard__HeartbeatSeconds", "0", "BroadcastHub:Dashboard:HeartbeatSeconds must be between 1 and 300" },
        { "BroadcastHub__TimeZone", "Mars/Olympus_Mons", "BroadcastHub:TimeZone" },
        { "BroadcastHub__Library__MaxConcurrentAnalyses", "0", "BroadcastHub:Library:MaxConcurrentAnalyses" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_start_with_one_line_naming_its_key(string variable, string value, string expected)
    {
        var (code, output) = await HubStart.RunToExitAsync(new Dictionary<string, string> { [variable] = value, ["LANG"] = "en_US.UTF-8", ["LC_ALL"] = "en_US.UTF-8" });

        Assert.Equal(3, code);
        Assert.Contains("BroadcastHub cannot start:", output);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void Every_setting_message_is_in_the_catalog()
    {
        foreach (var key in new[]
                 {
                     "OptionMustBeBetween", "OptionIsRequired", "OptionIsNotACron", "OptionUnknownTimeZone", "OptionMustBeOneOf",
                     "OptionIsNotATimeOfDay", "OptionWeekdays", "OptionNotIpAddresses", "OptionMustBePositiveAtMost",
                 })
            Assert.True(Msg.Has(key), key);
    }
}
