using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Audit;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Newsroom;
using BroadcastHub.Web.Features.Newsroom.Tts;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Cli;
using BroadcastHub.Web.Infrastructure.Database;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Newsroom;

/// <summary>The newsroom's text-to-speech page: type a notice, see what the normaliser reads, preview, save as a bulletin.</summary>
[Route("newsroom/tts")]
[Authorize(Roles = Staff)]
public sealed class TtsPageController(TtsService tts, TtsVoices voices) : PageController
{
    internal const string ViewPath = "~/Features/Newsroom/Views/Tts.cshtml";

    [HttpGet("")]
    public IActionResult Index() => View(ViewPath, new TtsPage(voices.List(), new TtsForm()));

    [HttpPost("")]
    public Task<IActionResult> Create(TtsForm form, CancellationToken cancel) => AttemptAsync(async () =>
    {
        try
        {
            var bulletin = await tts.CreateAsync(form.ToRequest(), UserName, cancel);
            Flash(LibraryUpload.Uploaded(bulletin));
            return Redirect($"/library/{bulletin.Id}");
        }
        catch (DuplicateUploadException e)
        {
            return Redirect($"/library/{e.Existing.Id}");
        }
    }, "", () => View(ViewPath, new TtsPage(voices.List(), form)));

    /// <summary>The synthesised WAV (nothing stored); errors as <c>{ error, message }</c>.</summary>
    [HttpPost("preview"), JsonRefusals]
    public async Task<IActionResult> Preview(TtsForm form, CancellationToken cancel) =>
        File(await tts.PreviewAsync(form.ToRequest(), cancel), "audio/wav");

    /// <summary><c>{ text, tokens: [{ original, spoken, kind }] }</c>.</summary>
    [HttpPost("normalise"), JsonRefusals]
    public IActionResult Normalise(TtsForm form) => Json(tts.Normalise(form.Text));
}

/// <summary>The page's form fields.</summary>
public sealed class TtsForm
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Voice { get; set; } = TtsVoices.DefaultId;
    /// <summary>As a number input sends it (<c>1.2</c>, whatever the page's language), read in the invariant culture.</summary>
    public string? Rate { get; set; } = "1";
    public string? ValidFrom { get; set; }
    public string? ValidUntil { get; set; }

    /// <summary>The same request the API takes.</summary>
    public TtsRequest ToRequest() => new(Title, Text, Voice,
        string.IsNullOrWhiteSpace(Rate) ? null
        : double.TryParse(Rate, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : double.NaN,
        ValidFrom, ValidUntil);
}

/// <summary>The page: voices offered and the form as last posted.</summary>
public sealed record TtsPage(IReadOnlyList<TtsVoice> Voices, TtsForm Form);
