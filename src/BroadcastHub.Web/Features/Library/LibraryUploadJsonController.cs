using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Library;

/// <summary>
/// The library's upload form posted by its script (drag and drop, progress bar): same URL, fields, cookie and
/// antiforgery token as the plain form, answered with JSON — the bulletin (201) or <c>{ error, message }</c> (409 <c>duplicate_upload</c> adds
/// <c>existingId</c> and <c>existingTitle</c>).
/// </summary>
[Route("library")]
public sealed class LibraryUploadJsonController(BulletinService service, IOptions<BroadcastHubOptions> options) : PageController
{
    [HttpPost("upload")]
    [AcceptsJson]
    [JsonRefusals]
    [Authorize(Roles = Staff)]
    public async Task<IActionResult> Upload(UploadForm form, IFormFile? file, CancellationToken cancel)
    {
        try
        {
            var bulletin = await LibraryUpload.StoreAsync(service, form, file, options.Value.MaxUploadBytes, UserName, cancel);
            Flash(LibraryUpload.Uploaded(bulletin));
            return Created($"/library/{bulletin.Id}", BulletinsApiController.Json(bulletin));
        }
        catch (DuplicateUploadException e)
        {
            return Conflict(e.Body);
        }
    }
}
