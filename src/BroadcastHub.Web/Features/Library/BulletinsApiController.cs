using BroadcastHub.Core.Access;
using BroadcastHub.Core.Library;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Library;

public sealed record RejectRequest(string? Reason);

[Route("api/bulletins")]
public sealed class BulletinsApiController(BulletinService service) : ApiControllerBase
{
    [HttpGet]
    public IActionResult List([FromQuery] BulletinStatus? status) => Ok(service.List(status).Select(Json));

    [HttpGet("{id:long}")]
    public IActionResult Get(long id) => Ok(Json(service.Find(id)));

    /// <summary>
    /// Multipart upload: <c>file</c>, <c>title</c>, optional <c>language</c>, <c>validFrom</c>, <c>validUntil</c> and
    /// <c>allowDuplicate</c> (form field or query); content already in the library is 409 <c>duplicate_upload</c> with
    /// <c>existingId</c> unless <c>allowDuplicate=true</c>.
    /// </summary>
    [HttpPost]
    [Authorize(Roles = Roles.Admin + "," + Roles.Operator + "," + Roles.Supervisor)]
    public async Task<IActionResult> Upload(CancellationToken cancel)
    {
        if (!Request.HasFormContentType)
            return ApiError.Result(415, "multipart_required", Msg.Get("SendTheFileAsMultipartForm"));
        var form = await Request.ReadFormAsync(cancel);
        var file = form.Files["file"];
        if (file is null)
            return ApiError.Result(400, "file_required", Msg.Get("AFileFieldIsRequired"));
        var request = new UploadRequest(form["title"].ToString(), file.FileName, form["language"].ToString(),
            LocalDateInput.Optional(form["validFrom"], "validFrom"), LocalDateInput.Optional(form["validUntil"], "validUntil"),
            AllowDuplicateFlag.Read(form[AllowDuplicateFlag.Name], Request.Query[AllowDuplicateFlag.Name]),
            Features.Newsroom.RecordingSource.KindOf(form["source"]));
        await using var content = file.OpenReadStream();
        try
        {
            var bulletin = await service.UploadAsync(content, request, UserName, cancel);
            return Created($"/api/bulletins/{bulletin.Id}", Json(bulletin));
        }
        catch (DuplicateUploadException e)
        {
            return Conflict(e.Body);
        }
    }

    [HttpPost("{id:long}/approve")]
    [Authorize(Roles = Roles.Approvers)]
    public IActionResult Approve(long id) => Ok(Json(service.Approve(id, UserName)));

    [HttpPost("{id:long}/reject")]
    [Authorize(Roles = Roles.Approvers)]
    public IActionResult Reject(long id, [FromBody] RejectRequest request) => Ok(Json(service.Reject(id, UserName, request.Reason)));

    internal static object Json(Bulletin b) => new
    {
        b.Id, b.Title, b.Language, status = b.Status.ToString(), durationSeconds = b.DurationSeconds, b.Frames, b.SampleRate, b.Channels,
        b.Sha256, b.SizeBytes, b.Codec, b.IntegratedLufs, b.TruePeakDbtp, b.OriginalFileName, b.RejectionReason,
        validFrom = b.ValidFrom?.ToString("yyyy-MM-dd"), validUntil = b.ValidUntil?.ToString("yyyy-MM-dd"),
        b.UploadedAt, b.UploadedBy, b.OwnerUnitId, b.ReviewedBy, b.ReviewedAt,
        b.HouseSha256, b.HouseSizeBytes, b.SourceKind, b.SpokenText,
    };
}
