namespace BroadcastHub.Web.Tests.Browser;

/// <summary>Paths in the source tree, found from the test binaries' folder.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding BroadcastHub.sln, walking up from the test output folder.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "BroadcastHub.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException($"BroadcastHub.sln not found above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The web app's static files (Bootstrap, site.css), which the build output of the tests does not hold.</summary>
    public static string WebRoot => Path.Combine(Root, "src", "BroadcastHub.Web", "wwwroot");

    /// <summary>Where screenshots are kept as test artifacts (ignored by git).</summary>
    public static string Screenshots => Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
}
