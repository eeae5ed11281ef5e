namespace BroadcastHub.Web.Infrastructure.Cli;

/// <summary>The <c>BroadcastHub</c> section bound as the web host binds it.</summary>
internal static class CliOptions
{
    public static BroadcastHubOptions Read(IConfiguration config) =>
        config.GetSection(BroadcastHubOptions.Section).Get<BroadcastHubOptions>() ?? new BroadcastHubOptions();
}
