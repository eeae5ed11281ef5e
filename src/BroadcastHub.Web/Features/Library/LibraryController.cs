using BroadcastHub.Core.Access;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Time;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Library;

/// <summary>Thư viện bản tin: list, upload, approve and reject.</summary>
[Route("library")]
public sealed class LibraryController(BulletinService service, UserScope scope, IOptions<BroadcastHubOptions> options)
    : PageController
{
    public const string UploadKey = "upload";
    public const string ReviewKey = "review";
    public const string SearchKey = "search";

    [HttpGet("")]
    public IActionResult Index(BulletinStatus? status, string? q, string? from, string? to, [FromServices] StationClock clock)
    {
        var page = Page(new UploadForm(), status) with { Search = new LibrarySearch(q, from, to) };
        return Attempt(() => View(page with { Bulletins = page.Search.Apply(page.Bulletins, clock) }), SearchKey, () => View(page));
    }

    [HttpPost("upload")]
    [Authorize(Roles = Staff)]
    public async Task<IActionResult> Upload(UploadForm form, IFormFile? file, CancellationToken cancel)
    {
        try
        {
            return await AttemptAsync(async () =>
            {
                var bulletin = await LibraryUpload.StoreAsync(service, form, file, options.Value.MaxUploadBytes, UserName, cancel);
                Flash(LibraryUpload.Uploaded(bulletin));
                return RedirectToAction(nameof(Index));
            }, UploadKey, () => View(nameof(Index), Page(form, null)));
        }
        catch (DuplicateUploadException e)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), Page(form, null) with { Duplicate = e.Existing });
        }
    }

    [HttpPost("{id:long}/approve")]
    [Authorize(Roles = Roles.Approvers)]
    public IActionResult Approve(long id, long? bulletinId)
    {
        if (Mismatched(id, bulletinId) is { } refused) return refused;
        return Attempt(() =>
        {
            var bulletin = service.Approve(id, UserName);
            Flash(Msg.Get("Approved", bulletin.Title));
            return RedirectToAction(nameof(Index));
        }, ReviewKey, () => View(nameof(Index), Page(new UploadForm(), null)));
    }

    [HttpPost("{id:long}/reject")]
    [Authorize(Roles = Roles.Approvers)]
    public IActionResult Reject(long id, string? reason, long? bulletinId, [FromServices] BulletinPages pages)
    {
        if (Mismatched(id, bulletinId) is { } refused) return refused;
        return Attempt(() =>
        {
            var bulletin = service.Reject(id, UserName, reason);
            Flash(Msg.Get("Rejected", bulletin.Title));
            return RedirectToAction(nameof(Index));
        }, e => RejectRefused(id, reason, e, pages));
    }

    /// <summary>A refused rejection stays on that bulletin's page, the error beside its form and the reason kept.</summary>
    private IActionResult RejectRefused(long id, string? reason, AppException refusal, BulletinPages pages) => Attempt(() =>
    {
        var page = pages.For(service.Find(id), User) with { ReviewError = refusal.Message, RejectReason = reason };
        Response.StatusCode = refusal.Status is 401 or 403 ? 400 : refusal.Status;
        return View("~/Features/Library/Views/LibraryBulletin/Detail.cshtml", page);
    }, hidden => RefusedPage(hidden, "/library"));

    /// <summary>A review form names its bulletin twice (URL and field); they must agree, so a form acts only on the bulletin it shows.</summary>
    private ViewResult? Mismatched(long id, long? bulletinId)
    {
        if (bulletinId is null || bulletinId == id) return null;
        Refused(new AppException("bulletin_mismatch", Msg.Get("TheFormDoesNotMatchThe", id, bulletinId)), ReviewKey);
        return View(nameof(Index), Page(new UploadForm(), null));
    }

    private LibraryPage Page(UploadForm form, BulletinStatus? status) => new()
    {
        Bulletins = service.List(status),
        Filter = status,
        Upload = form,
        CanReview = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Supervisor),
        MayReview = scope.MayReview,
        MaxUploadMegabytes = options.Value.MaxUploadBytes / (1024 * 1024),
    };
}
