namespace BroadcastHub.Web.Infrastructure.Mvc;

/// <summary>
/// Where the web UI and API listen: whatever the ecosystem's own settings say (<c>ASPNETCORE_URLS</c>,
/// <c>DOTNET_URLS</c>, <c>--urls</c>, <c>Urls</c>, <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>,
/// <c>Kestrel:Endpoints</c>); only when none of them names an address, <see cref="Default"/> (this machine only).
/// </summary>
public static class ListenAddress
{
    /// <summary>The address used when nothing is configured.</summary>
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>True when no setting names an address, so <see cref="Default"/> applies.</summary>
    public static bool NothingConfigured(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["urls"])
        && string.IsNullOrWhiteSpace(configuration["http_ports"])
        && string.IsNullOrWhiteSpace(configuration["https_ports"])
        && !configuration.GetSection("Kestrel:Endpoints").Exists();

    /// <summary>Listens on <see cref="Default"/> when <see cref="NothingConfigured"/>.</summary>
    public static void ApplyDefault(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (NothingConfigured(builder.Configuration)) builder.WebHost.UseUrls(Default);
    }
}
