using BroadcastHub.Data.Repositories;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Audit;

/// <summary>The audit log and the MVC filter that writes it.</summary>
public static class AuditRegistration
{
    /// <summary>Registers them once; calling it again changes nothing (the audit filter must not run twice).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AuditFilter))) return services;
        services.AddSingleton<AuditRepository>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditFilter>();
        services.AddScoped<AuditQuery>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<AuditFilter>());
        return services;
    }
}
