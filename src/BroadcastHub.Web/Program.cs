using BroadcastHub.Web.Features.KeyRing;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Infrastructure.Database;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Settings;
using BroadcastHub.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
if (BroadcastHub.Web.Infrastructure.Cli.CliVerbs.TryRun(args, builder.Configuration) is { } exitCode) return exitCode;
// No-ops unless started by the Windows service manager or systemd (Type=notify); see docs/operations.md.
builder.Host.UseWindowsService(o => o.ServiceName = "BroadcastHub");
builder.Host.UseSystemd();
ListenAddress.ApplyDefault(builder);
if (OptionsStart.Bind<BroadcastHubOptions>(builder.Configuration, BroadcastHubOptions.Section) is not { } options) return DatabaseStart.ExitCode;
Directory.CreateDirectory(options.LogsPath);

builder.Host.UseSerilog((context, config) => config
    .ReadFrom.Configuration(context.Configuration)
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
    .MinimumLevel.Override("Hangfire", Serilog.Events.LogEventLevel.Warning)
    .WriteTo.Console()
    .WriteTo.File(Path.Combine(options.LogsPath, "broadcasthub-.log"), rollingInterval: RollingInterval.Day,
        retainedFileCountLimit: 60, fileSizeLimitBytes: 50_000_000, rollOnFileSizeLimit: true));

using var bootLog = LoggerFactoryFor(options);
builder.Services.AddBroadcastHubOptions();
builder.Services.AddBroadcastHubCore();
builder.Services.AddBroadcastHubHangfire(options, bootLog.CreateLogger("Hangfire"), builder.Configuration);
builder.Services.AddBroadcastHubAuth();
builder.Services.AddBroadcastHubKeyRing();
builder.Services.AddBroadcastHubWeb(options);

var app = builder.Build();
if (OptionsStart.Check(app.Services, app.Logger) is { } badSetting) return badSetting;
if (DatabaseStart.Prepare(app.Services, options, app.Logger) is { } refused) return refused;
if (options.SeedDemo || args.Contains("--seed-demo")) DemoSeeder.SeedIfEmpty(app.Services, app.Logger, Console.Out);
app.UseBroadcastHubPipeline();
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"BroadcastHub is running: {string.Join(", ", app.Urls)} (data: {options.FullDataPath})"));
app.Run();
return 0;

static ILoggerFactory LoggerFactoryFor(BroadcastHubOptions _) => LoggerFactory.Create(b => b.AddConsole());

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
