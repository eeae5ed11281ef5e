using BroadcastHub.Core.Library;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Playlists;

/// <summary>Puts bulletins with chosen titles into the library straight through the service; every one has its own audio.</summary>
internal static class LibrarySeed
{
    private static int _distinct;

    public static Task<Bulletin> BulletinAsync(this AppFactory app, string title, double seconds = 2, bool approve = true) =>
        app.BulletinAsync(title, ToneWav.Create(seconds, frequency: 200 + 3 * Interlocked.Increment(ref _distinct)), "tone.wav", approve);

    public static async Task<Bulletin> BulletinAsync(this AppFactory app, string title, byte[] audio, string fileName, bool approve)
    {
        using var scope = app.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<BulletinService>();
        await using var content = new MemoryStream(audio);
        var bulletin = await service.UploadAsync(content, new UploadRequest(title, fileName, "vi", null, null, AllowDuplicate: true), "test", default);
        return approve ? service.Approve(bulletin.Id, "supervisor") : bulletin;
    }

    /// <summary>A title no other test uses.</summary>
    public static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";
}
