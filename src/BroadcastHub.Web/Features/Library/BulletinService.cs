using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Decoding.Ffmpeg;
using BroadcastHub.Core.Library;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Features.Library;

/// <summary>What an uploader tells us about a bulletin besides the file; <paramref name="AllowDuplicate"/> stores a second
/// bulletin for content already in the library instead of refusing it;
/// <paramref name="SourceKind"/> says how it was made (<see cref="BulletinSources"/>); <paramref name="SpokenText"/> is the text a
/// text-to-speech bulletin reads out.</summary>
public sealed record UploadRequest(string Title, string FileName, string? Language, DateOnly? ValidFrom, DateOnly? ValidUntil,
    bool AllowDuplicate = false, string SourceKind = BulletinSources.Upload, string? SpokenText = null);

/// <summary>
/// Uploads (validate by decoding everything, then store, owned by the uploader's unit), approval and rejection of
/// bulletins within the user's scope.
/// </summary>
public sealed class BulletinService(
    BulletinRepository bulletins, MediaStore media, UserScope scope, TimeProvider time, ILogger<BulletinService> log, FourEyesRule fourEyes,
    Library.AnalysisGate analyses, Library.DuplicateUploads duplicates, FfmpegDecoder ffmpeg)
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
        var housePath = media.NewTempPath();
        IntakeResult intake;
        try
        {
            intake = await turn.RunAsync(() => MediaIntake.Analyze(staged.TempPath, housePath, ffmpeg, cancel), cancel);
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
        var house = intake.HouseCopyWritten ? MediaStore.StageWritten(housePath) : null;
        try
        {
            RefuseDuplicate(staged, request); // again: the same file may have been stored while this one was analysed
        }
        catch
        {
            if (house is not null) MediaStore.Discard(house);
            throw;
        }
        var analysis = intake.Analysis;
        var alreadyStored = media.Exists(staged.Sha256);
        var houseAlreadyStored = house is null || media.Exists(house.Sha256);
        media.Commit(staged);
        if (house is not null) media.Commit(house);
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
                HouseSha256 = house?.Sha256, HouseSizeBytes = house?.SizeBytes, SourceKind = request.SourceKind,
                SpokenText = request.SpokenText,
            });
        }
        catch
        {
            if (!alreadyStored && !bulletins.IsFileReferenced(staged.Sha256)) media.Remove(staged.Sha256);
            if (!houseAlreadyStored && !bulletins.IsFileReferenced(house!.Sha256)) media.Remove(house.Sha256);
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
            throw new AppException("title_required", Msg.Get("ATitleIsRequired"));
        if (request.Title.Length > 200)
            throw new AppException("title_too_long", Msg.Get("TheTitleIsLongerThan200"));
        if (request.ValidFrom is { } from && request.ValidUntil is { } until && until < from)
            throw new AppException("validity_reversed", Msg.Get("ValidUntilMustNotBeBeforeValidFrom"));
    }

    /// <summary>Approves a bulletin awaiting approval; 403 <c>four_eyes</c> when the reviewer uploaded it.</summary>
    public Bulletin Approve(long id, string reviewer) =>
        Review(fourEyes.Check(scope.EnsureReviewable(id), reviewer), BulletinStatus.Approved, reviewer, null);

    /// <summary>Rejects a bulletin awaiting approval; a reason is required.</summary>
    public Bulletin Reject(long id, string reviewer, string? reason)
    {
        var bulletin = scope.EnsureReviewable(id);
        if (string.IsNullOrWhiteSpace(reason))
            throw new AppException("reason_required", Msg.Get("AReasonForTheRejectionIs"));
        return Review(bulletin, BulletinStatus.Rejected, reviewer, reason.Trim());
    }

    private Bulletin Review(Bulletin bulletin, BulletinStatus decision, string reviewer, string? reason)
    {
        var id = bulletin.Id;
        if (!bulletins.Review(id, decision, reviewer, reason, time.GetUtcNow()))
            throw new AppException("not_pending", Msg.Get("TheBulletinWasAlreadyReviewed", bulletin.Status));
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
