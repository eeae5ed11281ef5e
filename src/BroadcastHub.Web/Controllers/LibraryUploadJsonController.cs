using BroadcastHub.Web.Api;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Models;
using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Controllers;

/// <summary>
/// The library's upload form posted by its script (drag and drop, progress bar): same URL, fields, cookie and
/// antiforgery token as the plain form, answered with JSON — the bulletin (201) or <c>{ error, message }</c>.
/// </summary>
[Route("library")]
public sealed class LibraryUploadJsonController(BulletinService service, IOptions<BroadcastHubOptions> options) : PageController
{
    [HttpPost("upload")]
    [AcceptsJson]
    [Authorize(Roles = Staff)]
    public async Task<IActionResult> Upload(UploadForm form, IFormFile? file, CancellationToken cancel)
    {
        try
        {
            if (file is null)
                throw AppException.BadRequest("file_required", Text.Pick("Hãy chọn tệp âm thanh.", "Choose an audio file."));
            var limit = options.Value.MaxUploadBytes;
            if (file.Length > limit)
                throw new AppException(413, "file_too_large", Text.Pick(
                    $"Tệp quá lớn: giới hạn là {limit / (1024 * 1024)} MB.", $"The file is too large: the limit is {limit / (1024 * 1024)} MB."));
            var request = new UploadRequest(form.Title ?? "", file.FileName, form.Language,
                LocalDateInput.Optional(form.ValidFrom?.Trim(), Text.Pick("Hiệu lực từ", "Valid from")),
                LocalDateInput.Optional(form.ValidUntil?.Trim(), Text.Pick("Hiệu lực đến", "Valid until")));
            await using var content = file.OpenReadStream();
            var bulletin = await service.UploadAsync(content, request, UserName, cancel);
            Flash(Text.Pick($"Đã tải lên bản tin \"{bulletin.Title}\" ({Ui.Duration(bulletin.DurationSeconds)}); đang chờ phê duyệt.",
                $"Uploaded \"{bulletin.Title}\" ({Ui.Duration(bulletin.DurationSeconds)}); awaiting approval."));
            return Created($"/library/{bulletin.Id}", BulletinsApiController.Json(bulletin));
        }
        catch (AppException e)
        {
            return ApiError.From(e);
        }
    }
}
