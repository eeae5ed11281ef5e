using BroadcastHub.Web.Services.AdminPages;

namespace BroadcastHub.Web.Services;

/// <summary>Registers the booking list, the refusals of passed and repeated bookings, and the cancel pages.</summary>
public static class BookingRegistration
{
    public static IServiceCollection AddBookingSafety(this IServiceCollection services)
    {
        services.AddScoped<BookingGuards>();
        services.AddScoped<BookingQuery>();
        services.AddScoped<BookingCancelPages>();
        return services;
    }
}
