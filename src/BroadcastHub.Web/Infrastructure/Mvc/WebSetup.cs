using System.Globalization;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Infrastructure.Database;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Health;
using BroadcastHub.Web.Infrastructure.Localisation;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Infrastructure.Mvc;

/// <summary>MVC, API conventions, limits, localisation and the request pipeline.</summary>
public static class WebSetup
{
    private static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US"), new("en")];

    public static IServiceCollection AddBroadcastHubWeb(this IServiceCollection services, BroadcastHubOptions options)
    {
        services.AddControllersWithViews(o =>
        {
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            o.Filters.Add<AppExceptionFilter>();
        }).AddJsonOptions(o =>
        {
            o.JsonSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Vietnamese text as UTF-8, not \u escapes: a third of the bytes and of the encoding work.
            o.JsonSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.Configure<Microsoft.AspNetCore.Mvc.Razor.RazorViewEngineOptions>(o =>
            o.ViewLocationExpanders.Add(new FeatureViewLocations(FeatureViewLocations.InAssembly())));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder =
            System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<ApiBehaviorOptions>(o =>
        {
            o.InvalidModelStateResponseFactory = ApiStatusBodies.InvalidRequest;
            // No ProblemDetails bodies: an empty 4xx gets the API's { error, message } from ApiStatusBodies.
            o.SuppressMapClientErrors = true;
        });
        var bodyLimit = options.MaxUploadBytes + 1024 * 1024;
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = bodyLimit);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = bodyLimit);
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi-VN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Pages are Vietnamese unless the user switched (cookie), whatever the browser's language; the API also
            // honours Accept-Language (en, en-US, vi…) so automation can ask for English messages.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new CustomRequestCultureProvider(ApiLanguage.DetermineAsync)];
        });
        services.AddAntiforgery(o => o.Cookie.Name = "bh.af");
        // Vietnamese text stays readable in the HTML instead of becoming &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    public static WebApplication UseBroadcastHubPipeline(this WebApplication app)
    {
        app.UseBroadcastHubForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = UnhandledError.WriteAsync });
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            await next();
        });
        app.UseRequestDataVersion();
        app.UseRequestLocalization();
        app.UseBroadcastHubApiStatusBodies();
        app.UseRequestBodyLimits();
        app.UseRetryAfterWhenBusy();
        app.UseStaticFiles();
        app.UseRouting();
        app.UsePrefetchedDataVersion();
        app.UseAuthentication();
        app.UseBroadcastHubStationTokenGate();
        app.UseBroadcastHubPasswordChangeGate();
        app.UseAuthorization();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboard()],
            DashboardTitle = "BroadcastHub · Hangfire",
        });
        app.MapHealth();
        Features.Stations.Push.StationPushSetup.MapStationPush(app);
        app.MapControllerRoute("default", "{controller=Dashboard}/{action=Index}/{id?}");
        return app;
    }

    private sealed class AdminOnlyDashboard : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => HangfireSetup.IsOrganisationAdmin(context.GetHttpContext());
    }
}
