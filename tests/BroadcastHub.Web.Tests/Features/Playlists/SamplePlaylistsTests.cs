using System.Net;
using System.Text;
using BroadcastHub.Core.Playlists;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Playlists;

/// <summary>The programmes in the repository's <c>playlists/</c> folder: their demo audio uploads and they import.</summary>
[Collection(AppCollection.Name)]
public sealed class SamplePlaylistsTests(AppFactory app)
{
    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BroadcastHub.sln")) && Directory.Exists(Path.Combine(dir.FullName, "playlists")))
                return Path.Combine(dir.FullName, "playlists");
        throw new DirectoryNotFoundException("playlists/ not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task The_samples_import_once_their_demo_audio_is_uploaded_and_approved()
    {
        var folder = Folder();
        var samples = Directory.GetFiles(folder, "*.m3u8").Order().ToList();
        Assert.InRange(samples.Count, 1, 2);
        Assert.True(Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) < 1024 * 1024);
        var client = await app.CreateApiClientAsync();

        var before = await client.PostAsync("/api/playlists/import", PlaylistHttp.Form(File.ReadAllBytes(samples[0]), Path.GetFileName(samples[0])));
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);

        var uploaded = new Dictionary<string, long>();
        foreach (var sample in samples)
        {
            var parsed = M3uParser.Parse(File.ReadAllBytes(sample));
            Assert.True(parsed.Ok, string.Join(", ", parsed.Problems));
            foreach (var entry in parsed.Playlist.Entries.Where(e => !uploaded.ContainsKey(e.Location)))
            {
                var audio = Path.Combine(folder, entry.Location.Replace('/', Path.DirectorySeparatorChar));
                Assert.True(File.Exists(audio), $"{Path.GetFileName(sample)} line {entry.Line}: {entry.Location} is missing");
                var b = await app.BulletinAsync(entry.Title!, File.ReadAllBytes(audio), Path.GetFileName(audio), approve: true);
                Assert.Equal(entry.DurationSeconds!.Value, b.DurationSeconds, 0.6);
                uploaded[entry.Location] = b.Id;
            }
            var response = await client.PostAsync("/api/playlists/import", PlaylistHttp.Form(File.ReadAllBytes(sample), Path.GetFileName(sample)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var playlist = await response.JsonAsync();
            Assert.Equal(parsed.Playlist.Name, playlist.GetProperty("name").GetString());
            Assert.Equal(parsed.Playlist.Entries.Select(e => uploaded[e.Location]),
                playlist.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("bulletinId").GetInt64()));
        }
    }
}
