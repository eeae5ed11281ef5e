namespace BroadcastHub.Web.Tests.Support;

/// <summary>Paths of the audio fixtures copied next to the tests.</summary>
public static class Fixtures
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string File(string name) => Path.Combine(Dir, name);

    public static string Bad(string name) => Path.Combine(Dir, "bad", name);
}
