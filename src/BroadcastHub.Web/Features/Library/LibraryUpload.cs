using BroadcastHub.Core.Library;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;

namespace BroadcastHub.Web.Features.Library;

/// <summary>The library's upload form, as the plain page and its script both post it.</summary>
internal static class LibraryUpload
{
    /// <summary>Checks the posted file (present, within <paramref name="limit"/>) and dates, then stores and analyses the
    /// bulletin; an <see cref="AppException"/> with a specific code for anything refused.</summary>
    public static async Task<Bulletin> StoreAsync(BulletinService service, UploadForm form, IFormFile? file, long limit, string user,
        CancellationToken cancel)
    {
        if (file is null)
            throw new AppException("file_required", Msg.Get("ChooseAnAudioFile"));
        if (file.Length > limit)
            throw new AppException("file_too_large", Msg.Get("TheFileIsTooLargeThe", limit / (1024 * 1024)));
        var request = new UploadRequest(form.Title ?? "", file.FileName, form.Language,
            LocalDateInput.Optional(form.ValidFrom?.Trim(), Msg.Get("ValidFrom")),
            LocalDateInput.Optional(form.ValidUntil?.Trim(), Msg.Get("ValidUntil")), form.AllowDuplicate,
            Features.Newsroom.RecordingSource.KindOf(form.Source));
        await using var content = file.OpenReadStream();
        return await service.UploadAsync(content, request, user, cancel);
    }

    /// <summary>The confirmation shown after an upload.</summary>
    public static string Uploaded(Bulletin bulletin) =>
        Msg.Get("UploadedAwaitingApproval", bulletin.Title, Ui.Duration(bulletin.DurationSeconds));
}
