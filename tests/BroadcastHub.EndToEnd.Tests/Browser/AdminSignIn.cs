using BroadcastHub.Web.Tests.EndToEnd;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>The browser tests' way in: the sign-in form as the first administrator, until the header names them.</summary>
internal static class AdminSignIn
{
    public static async Task AsAdminAsync(IPage page)
    {
        await page.GotoAsync("/account/signin");
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync(AppProcess.AdminPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#signed-in-user")).ToHaveTextAsync("admin");
    }
}
