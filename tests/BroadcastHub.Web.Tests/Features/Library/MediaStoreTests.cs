using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Services;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Tests.Features.Library;

public sealed class MediaStoreTests : IDisposable
{
    private readonly BroadcastHubOptions _options = new()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "bh-media-" + Guid.NewGuid().ToString("N")[..8]),
        MaxUploadBytes = 1000,
    };

    public void Dispose() => Directory.Delete(_options.FullDataPath, recursive: true);

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_413_and_leaves_no_partial_file()
    {
        var store = new MediaStore(Options.Create(_options));
        var error = await Assert.ThrowsAsync<AppException>(() => store.StageAsync(new MemoryStream(new byte[1001]), default));
        Assert.Equal(413, error.Status);
        Assert.Equal("file_too_large", error.Code);
        Assert.Empty(Directory.GetFiles(_options.UploadTempPath));
    }

    [Fact]
    public async Task Content_is_addressed_by_its_hash_and_stored_once()
    {
        var store = new MediaStore(Options.Create(_options));
        var bytes = new byte[1000];
        Random.Shared.NextBytes(bytes);
        var first = await store.StageAsync(new MemoryStream(bytes), default);
        store.Commit(first);
        var second = await store.StageAsync(new MemoryStream(bytes), default);
        store.Commit(second);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), first.Sha256);
        Assert.Equal(bytes, File.ReadAllBytes(store.PathFor(first.Sha256)));
        Assert.Single(Directory.GetFiles(_options.MediaPath, "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(_options.UploadTempPath));
    }
}
