using Microsoft.Playwright;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright. Never downloads a browser: the package must be installed
/// (<c>apt-get install -y chromium</c>; .ci/run does it), and its absence fails the test with that instruction.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>Fails (never skips) when Chromium is not installed.</summary>
    public static void RequireInstalled()
    {
        if (!File.Exists(ExecutablePath))
            Assert.Fail($"Chromium is not installed at {ExecutablePath}. Install Debian's package: `apt-get install -y chromium` "
                + "(.ci/run installs it on CI). The browser tests never download a browser (no `playwright install`).");
    }

    /// <summary>
    /// A browser context on a fresh user-data folder (deleted by <see cref="Session.DisposeAsync"/>) whose language
    /// (Accept-Language) is <paramref name="locale"/>; <paramref name="extraArguments"/> are added to Chromium's command line.
    /// </summary>
    public static async Task<Session> LaunchAsync(IPlaywright playwright, string baseUrl, string locale = "vi-VN",
        IEnumerable<string>? extraArguments = null)
    {
        RequireInstalled();
        var profile = Path.Combine(Path.GetTempPath(), "bh-chromium-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(profile);
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = [.. Arguments, .. extraArguments ?? []],
            BaseURL = baseUrl,
            AcceptDownloads = true,
            Locale = locale,
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Timeout = 30_000,
        });
        context.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return new Session(context, profile);
    }

    public sealed class Session(IBrowserContext context, string profile) : IAsyncDisposable
    {
        public IBrowserContext Context { get; } = context;

        public async Task<IPage> PageAsync() => Context.Pages.Count > 0 ? Context.Pages[0] : await Context.NewPageAsync();

        public async ValueTask DisposeAsync()
        {
            await Context.CloseAsync();
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
