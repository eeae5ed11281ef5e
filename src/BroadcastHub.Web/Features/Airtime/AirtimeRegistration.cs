using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Playout;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>The airtime log and its reports (verification, summary, exports).</summary>
public static class AirtimeRegistration
{
    /// <summary>Registers them once; calling it again changes nothing.</summary>
    public static IServiceCollection AddAirtime(this IServiceCollection services)
    {
        services.AddAirtimeIntegrity();
        if (services.Any(d => d.ServiceType == typeof(AirtimeReports))) return services;
        services.AddScoped<AirtimeQuery>();
        services.AddScoped<AirtimePages>();
        services.AddSingleton<AirtimeSummaryRepository>();
        services.AddScoped<AirtimeReports>();
        services.AddScoped<ReportScope>();
        services.AddScoped<AirtimeCsv>();
        services.AddSingleton<AirtimeRecordingRepository>();
        services.AddScoped<AirtimeRecordings>();
        return services;
    }
}
