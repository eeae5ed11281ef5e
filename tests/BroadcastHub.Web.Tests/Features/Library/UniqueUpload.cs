using System.Net;
using System.Net.Http.Headers;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Library;

/// <summary>Uploads of audio no other test uses, so the library's duplicate check is exercised on purpose only.</summary>
internal static class UniqueUpload
{
    /// <summary>A short tone whose bytes (hence SHA-256) no other test produces.</summary>
    public static byte[] Wav() =>
        ToneWav.Create(0.4 + Random.Shared.Next(100) / 100.0, frequency: 200 + Random.Shared.Next(4000), amplitude: 0.2 + Random.Shared.NextDouble() / 5);

    /// <summary>The API's multipart upload; <paramref name="allowDuplicate"/> null sends no such field.</summary>
    public static MultipartFormDataContent Form(byte[] wav, string title, string? allowDuplicate = null)
    {
        var file = new ByteArrayContent(wav);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var form = new MultipartFormDataContent { { file, "file", "tin.wav" }, { new StringContent(title), "title" } };
        if (allowDuplicate is not null) form.Add(new StringContent(allowDuplicate), "allowDuplicate");
        return form;
    }

    /// <summary>Uploads through the API and returns the new bulletin's id.</summary>
    public static async Task<long> ThroughApiAsync(HttpClient api, byte[] wav, string title)
    {
        using var form = Form(wav, title);
        var response = await api.PostAsync("/api/bulletins", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>A file on disk holding <paramref name="wav"/>, for the page's upload form.</summary>
    public static string File(byte[] wav)
    {
        var path = Path.Combine(Path.GetTempPath(), "bh-dup-" + Guid.NewGuid().ToString("N")[..8] + ".wav");
        System.IO.File.WriteAllBytes(path, wav);
        return path;
    }

    public static string Title(string stem) => stem + " " + Guid.NewGuid().ToString("N")[..6];

    /// <summary>The status of bulletin <paramref name="id"/> as the API reports it.</summary>
    public static async Task<string> StatusAsync(HttpClient api, long id) =>
        (await (await api.GetAsync($"/api/bulletins/{id}")).JsonAsync()).GetProperty("status").GetString()!;

    /// <summary>How many listed bulletins hold content <paramref name="sha256"/>.</summary>
    public static async Task<int> CountWithAsync(HttpClient api, string sha256) =>
        (await (await api.GetAsync("/api/bulletins")).JsonAsync()).EnumerateArray().Count(b => b.GetProperty("sha256").GetString() == sha256);

}
