namespace BroadcastHub.Station.Hosting;

/// <summary>
/// Where the status page and <c>/health</c> listen: whatever the ecosystem's own settings say
/// (<c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c>, <c>--urls</c>, <c>Urls</c>, <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>,
/// <c>Kestrel:Endpoints</c>); only when none names an address, <see cref="Default"/> (this machine only).
/// </summary>
public static class StationListenAddress
{
    /// <summary>The address used when nothing is configured.</summary>
    public const string Default = "http://127.0.0.1:5090";

    /// <summary>True when no setting names an address, so <see cref="Default"/> applies.</summary>
    public static bool NothingConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration["urls"])
            && string.IsNullOrWhiteSpace(configuration["http_ports"])
            && string.IsNullOrWhiteSpace(configuration["https_ports"])
            && !configuration.GetSection("Kestrel:Endpoints").Exists();
    }

    /// <summary>Listens on <see cref="Default"/> when <see cref="NothingConfigured"/>.</summary>
    public static void ApplyDefault(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (NothingConfigured(builder.Configuration)) builder.WebHost.UseUrls(Default);
    }
}
