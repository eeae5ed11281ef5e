using BroadcastHub.Core.Access;
using BroadcastHub.Core.Playlists;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Playlists;

[Route("api/playlists")]
public sealed class PlaylistsApiController(PlaylistService service) : ApiControllerBase
{
    private static readonly string[] PlaylistMediaTypes =
        ["audio/x-mpegurl", "audio/mpegurl", "application/x-mpegurl", "application/vnd.apple.mpegurl", "text/plain"];

    [HttpGet]
    public IActionResult List() => Ok(service.List());

    [HttpGet("{id:long}")]
    public IActionResult Get(long id) => Ok(Json(service.Find(id)));

    [HttpGet("{id:long}.m3u8")]
    public IActionResult Export(long id)
    {
        var (fileName, text) = service.Export(id);
        return File(System.Text.Encoding.UTF8.GetBytes(text), M3uWriter.ContentType, fileName);
    }

    /// <summary>
    /// Imports an <c>.m3u8</c>: multipart with <c>file</c> and optional <c>name</c>, or the raw file as the body
    /// (<c>audio/x-mpegurl</c>) with optional <c>?name=</c>. All entries must resolve to approved bulletins, or nothing is stored.
    /// </summary>
    [HttpPost("import")]
    [Authorize(Roles = Roles.Admin + "," + Roles.Operator + "," + Roles.Supervisor)]
    public async Task<IActionResult> Import([FromQuery] string? name, CancellationToken cancel)
    {
        byte[] content;
        string? fileName = null;
        if (Request.HasFormContentType)
        {
            var form = await Request.ReadFormAsync(cancel);
            var file = form.Files["file"];
            if (file is null)
                return ApiError.Result(400, "playlist_file_required", Msg.Get("AFileFieldWithTheM3u8"));
            if (file.Length > PlaylistService.MaxBytes) return TooLarge();
            await using var stream = file.OpenReadStream();
            content = await ReadLimitedAsync(stream, cancel) ?? [];
            fileName = file.FileName;
            if (!string.IsNullOrWhiteSpace(form["name"])) name = form["name"].ToString();
        }
        else if (IsPlaylistMediaType(Request.ContentType))
        {
            var body = await ReadLimitedAsync(Request.Body, cancel);
            if (body is null) return TooLarge();
            content = body;
        }
        else
        {
            return ApiError.Result(415, "playlist_unsupported_media_type", Msg.Get("SendTheM3u8AsMultipartForm"));
        }
        try
        {
            var detail = service.Import(content, name, fileName, UserName);
            return Created($"/api/playlists/{detail.Playlist.Id}", Json(detail));
        }
        catch (PlaylistRejectedException e)
        {
            return new ObjectResult(e.Body) { StatusCode = e.Status };
        }
    }

    private static bool IsPlaylistMediaType(string? contentType) =>
        contentType is not null && PlaylistMediaTypes.Any(t => contentType.Split(';')[0].Trim().Equals(t, StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > PlaylistService.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ObjectResult TooLarge() => ApiError.Result(413, "playlist_too_large", Msg.Get("ThePlaylistFileIsTooLarge", PlaylistService.MaxBytes / (1024 * 1024)));

    private static object Json(PlaylistDetail d) => new
    {
        d.Playlist.Id, d.Playlist.Name, d.Playlist.CreatedAt, d.Playlist.CreatedBy,
        items = d.Items.Select(b => new { bulletinId = b.Id, b.Title, durationSeconds = b.DurationSeconds }),
    };
}
