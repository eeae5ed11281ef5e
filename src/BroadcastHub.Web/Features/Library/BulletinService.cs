using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Core.Library;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Features.Library;

/// <summary>What an uploader tells us about a bulletin besides the file; <paramref name="AllowDuplicate"/> stores a second
/// bulletin for content already in the library instead of refusing it.</summary>
public sealed record UploadRequest(string Title, string FileName, string? Language, DateOnly? ValidFrom, DateOnly? ValidUntil,
    bool AllowDuplicate = false);

/// <summary>
/// Uploads (validate by decoding everything, then store, owned by the uploader's unit), approval and rejection of
/// bulletins within the user's scope.
/// </summary>
public sealed class BulletinService(
    BulletinRepository bulletins, MediaStore media, UserScope scope, TimeProvider time, ILogger<BulletinService> log, FourEyesRule fourEyes,
    Library.AnalysisGate analyses, Library.DuplicateUploads duplicates)
{
    /// <summary>
    /// Stores a bulletin only if the whole file decodes. On any refusal or failure nothing remains: no row, no file.
    /// A bounded number of uploads are analysed at once (<see cref="Library.AnalysisGate"/>). Content already in the
    /// library is refused with <see cref="Library.DuplicateUploadException"/> unless the request allows a duplicate.
    /// </summary>
    public async Task<Bulletin> UploadAsync(Stream content, UploadRequest request, string user, CancellationToken cancel)
    {
        ValidateRequest(request);
        using var turn = analyses.Admit();
        var staged = await media.StageAsync(content, cancel);
        RefuseDuplicate(staged, request);
        AudioAnalysis analysis;
        try
        {
            analysis = await turn.RunAsync(() => AudioAnalyzer.Analyze(staged.TempPath, cancel), cancel);
        }
        catch (AudioRejectedException e)
        {
            MediaStore.Discard(staged);
            log.LogInformation("Upload {FileName} refused: {Code} {Detail}", request.FileName, e.Code, e.Message);
            throw new AppException(e.Code, UploadMessages.For(e));
        }
        catch
        {
            MediaStore.Discard(staged);
            throw;
        }
        RefuseDuplicate(staged, request); // again: the same file may have been stored while this one was analysed
        var alreadyStored = media.Exists(staged.Sha256);
        media.Commit(staged);
        try
        {
            return bulletins.Insert(new Bulletin
            {
                Title = request.Title.Trim(), Language = string.IsNullOrWhiteSpace(request.Language) ? "vi" : request.Language.Trim(),
                OriginalFileName = Path.GetFileName(request.FileName), Sha256 = staged.Sha256, SizeBytes = staged.SizeBytes,
                Codec = analysis.Codec, Frames = analysis.Frames, SampleRate = analysis.SampleRate, Channels = analysis.Channels,
                IntegratedLufs = analysis.IntegratedLufs, TruePeakDbtp = analysis.TruePeakDbtp,
                Status = BulletinStatus.PendingApproval, ValidFrom = request.ValidFrom, ValidUntil = request.ValidUntil,
                UploadedAt = time.GetUtcNow(), UploadedBy = user, OwnerUnitId = scope.OwnUnitId,
            });
        }
        catch
        {
            if (!alreadyStored && !bulletins.IsFileReferenced(staged.Sha256)) media.Remove(staged.Sha256);
            throw;
        }
    }

    private void RefuseDuplicate(StagedFile staged, UploadRequest request)
    {
        if (request.AllowDuplicate || duplicates.Find(staged.Sha256) is not { } existing) return;
        MediaStore.Discard(staged);
        throw new Library.DuplicateUploadException(existing);
    }

    private static void ValidateRequest(UploadRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
            throw new AppException("title_required", Text.Pick("Hãy nhập tiêu đề bản tin.", "A title is required."));
        if (request.Title.Length > 200)
            throw new AppException("title_too_long", Text.Pick("Tiêu đề dài quá 200 ký tự.", "The title is longer than 200 characters."));
        if (request.ValidFrom is { } from && request.ValidUntil is { } until && until < from)
            throw new AppException("validity_reversed", Text.Pick(
                "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.", "validUntil must not be before validFrom."));
    }

    /// <summary>Approves a bulletin awaiting approval; 403 <c>four_eyes</c> when the reviewer uploaded it.</summary>
    public Bulletin Approve(long id, string reviewer) =>
        Review(fourEyes.Check(scope.EnsureReviewable(id), reviewer), BulletinStatus.Approved, reviewer, null);

    /// <summary>Rejects a bulletin awaiting approval; a reason is required.</summary>
    public Bulletin Reject(long id, string reviewer, string? reason)
    {
        var bulletin = scope.EnsureReviewable(id);
        if (string.IsNullOrWhiteSpace(reason))
            throw new AppException("reason_required", Text.Pick("Hãy ghi lý do từ chối.", "A reason for the rejection is required."));
        return Review(bulletin, BulletinStatus.Rejected, reviewer, reason.Trim());
    }

    private Bulletin Review(Bulletin bulletin, BulletinStatus decision, string reviewer, string? reason)
    {
        var id = bulletin.Id;
        if (!bulletins.Review(id, decision, reviewer, reason, time.GetUtcNow()))
            throw new AppException("not_pending", Text.Pick(
                $"Bản tin đã được xét duyệt trước đó ({bulletin.Status}).", $"The bulletin was already reviewed ({bulletin.Status})."));
        return Find(id);
    }

    /// <summary>One bulletin the user sees, or a 404 refusal.</summary>
    public Bulletin Find(long id) => scope.EnsureBulletin(id);

    /// <summary>The bulletins the user sees, newest first, optionally only one status.</summary>
    public IReadOnlyList<Bulletin> List(BulletinStatus? status = null) => bulletins.List(status, ownerUnits: scope.VisibleContentOwners);

    /// <summary>What the user may book on or after <paramref name="today"/>: approved bulletins it sees, not yet expired.</summary>
    public IReadOnlyList<Bulletin> Bookable(DateOnly today) =>
        List(BulletinStatus.Approved).Where(b => b.ValidUntil is null || b.ValidUntil >= today).ToList();
}
