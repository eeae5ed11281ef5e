namespace BroadcastHub.Web.Tests.Support;

/// <summary>Cuts one element of a page out by its opening text, for assertions about one row or form.</summary>
internal static class PageSections
{
    /// <summary>The HTML from <paramref name="marker"/> to the next <paramref name="end"/> (whole page after it if none).</summary>
    public static string After(string html, string marker, string end)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' not in the page");
        var stop = html.IndexOf(end, at, StringComparison.Ordinal);
        return stop < 0 ? html[at..] : html[at..(stop + end.Length)];
    }

    /// <summary>Fails unless every POST form of the page carries its own antiforgery token.</summary>
    public static void EveryPostFormHasAToken(string html)
    {
        var forms = html.Split("<form").Skip(1).Select(f => f[..f.IndexOf("</form>", StringComparison.Ordinal)])
            .Where(f => f.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(forms);
        Assert.All(forms, f => Assert.Contains("name=\"__RequestVerificationToken\"", f));
    }
}
