using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Tests.Services;

/// <summary><c>BroadcastHub:MediaPath</c> puts the media store on a volume of its own (shared by several hub nodes);
/// without it the store stays under the data folder.</summary>
public sealed class MediaPathSettingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bh-mediapath-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_configured_media_path_receives_the_uploads_and_the_data_folder_none()
    {
        var options = Bind(new() { ["BroadcastHub:DataPath"] = Path.Combine(_root, "data"), ["BroadcastHub:MediaPath"] = Path.Combine(_root, "shared") });
        Assert.Equal(Path.Combine(_root, "shared"), options.MediaPath);
        var store = new MediaStore(Options.Create(options));
        var staged = await store.StageAsync(new MemoryStream(new byte[100]), default);
        store.Commit(staged);

        Assert.StartsWith(Path.Combine(_root, "shared") + Path.DirectorySeparatorChar, store.PathFor(staged.Sha256), StringComparison.Ordinal);
        Assert.True(File.Exists(store.PathFor(staged.Sha256)));
        Assert.False(Directory.Exists(Path.Combine(_root, "data", "media")));
    }

    [Fact]
    public void Without_it_the_media_store_is_under_the_data_folder()
    {
        var options = Bind(new() { ["BroadcastHub:DataPath"] = Path.Combine(_root, "data") });
        Assert.Equal(Path.Combine(_root, "data", "media"), options.MediaPath);
    }

    private static BroadcastHubOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(BroadcastHubOptions.Section).Get<BroadcastHubOptions>()!;
}
