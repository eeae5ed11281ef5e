using System.Net.Http.Headers;
using System.Text;

namespace BroadcastHub.Web.Tests.Features.Playlists;

internal static class PlaylistHttp
{
    public static MultipartFormDataContent Form(byte[] content, string fileName = "programme.m3u8", string? name = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/x-mpegurl");
        form.Add(file, "file", fileName);
        if (name is not null) form.Add(new StringContent(name), "name");
        return form;
    }

    public static MultipartFormDataContent Form(string text, string fileName = "programme.m3u8", string? name = null) =>
        Form(Encoding.UTF8.GetBytes(text), fileName, name);

    public static ByteArrayContent Raw(byte[] content, string mediaType = "audio/x-mpegurl")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return body;
    }

    public static ByteArrayContent Raw(string text, string mediaType = "audio/x-mpegurl") => Raw(Encoding.UTF8.GetBytes(text), mediaType);
}
