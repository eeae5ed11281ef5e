using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Services.Audit;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Services.Reports;

/// <summary>Services of the airtime reports (verification, summary, export) and of the audit log, with its MVC filter.</summary>
public static class ReportsAndAuditRegistration
{
    /// <summary>Registers them once; calling it again changes nothing (the audit filter must not run twice).</summary>
    public static IServiceCollection AddReportsAndAudit(this IServiceCollection services)
    {
        services.AddAirtimeIntegrity();
        if (services.Any(d => d.ServiceType == typeof(AuditFilter))) return services;
        services.AddSingleton<AirtimeSummaryRepository>();
        services.AddSingleton<AuditRepository>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditFilter>();
        services.AddScoped<AirtimeReports>();
        services.AddScoped<ReportScope>();
        services.AddScoped<AirtimeCsv>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<AuditFilter>());
        return services;
    }
}
