using BroadcastHub.Core.Library;
using BroadcastHub.Core.Newsroom;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Services;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Newsroom.Tts;

/// <summary>What a text-to-speech bulletin is made from (<c>POST /api/bulletins/tts</c>, the newsroom page).</summary>
public sealed record TtsRequest(string? Title, string? Text, string? Voice, double? Rate, string? ValidFrom, string? ValidUntil);

/// <summary>
/// Reads a notice out with a local voice and stores it as a bulletin through the ordinary upload (same validation,
/// analysis and approval), keeping the typed text on the bulletin for the reviewer.
/// </summary>
public sealed class TtsService(TtsVoices voices, BulletinService bulletins, MediaStore media, IOptions<TtsOptions> options,
    ILogger<TtsService> log)
{
    private const double MinRate = 0.5, MaxRate = 2.0;

    /// <summary>Synthesises and uploads; the bulletin awaits approval. Errors: see <see cref="Check"/>, and the upload's own.</summary>
    public async Task<Bulletin> CreateAsync(TtsRequest request, string user, CancellationToken cancel)
    {
        var (from, until) = (LocalDateInput.Optional(request.ValidFrom, "validFrom"), LocalDateInput.Optional(request.ValidUntil, "validUntil"));
        var wav = await SynthesiseAsync(request, cancel);
        try
        {
            await using var content = File.OpenRead(wav);
            var upload = new UploadRequest(request.Title ?? "", $"tts-{request.Voice ?? TtsVoices.DefaultId}.wav", "vi", from, until,
                SourceKind: BulletinSources.Tts, SpokenText: request.Text!.Trim());
            return await bulletins.UploadAsync(content, upload, user, cancel);
        }
        finally
        {
            File.Delete(wav);
        }
    }

    /// <summary>The synthesised WAV bytes, for the page's preview button (nothing is stored).</summary>
    public async Task<byte[]> PreviewAsync(TtsRequest request, CancellationToken cancel)
    {
        var wav = await SynthesiseAsync(request, cancel);
        try
        {
            return await File.ReadAllBytesAsync(wav, cancel);
        }
        finally
        {
            File.Delete(wav);
        }
    }

    /// <summary>The normalised text and its token list, after the same checks of the text.</summary>
    public NormalisedText Normalise(string? text) => VietnameseNormaliser.Normalise(CheckText(text));

    private async Task<string> SynthesiseAsync(TtsRequest request, CancellationToken cancel)
    {
        var (engine, voice, rate, spoken) = Check(request);
        var wav = media.NewTempPath();
        try
        {
            await Task.Run(() => engine.Synthesise(voice, spoken, rate, wav, cancel), cancel);
            return wav;
        }
        catch (TtsFailedException e)
        {
            File.Delete(wav);
            log.LogError("Text to speech with {Voice} failed: {Detail}", voice.Id, e.Message);
            throw new AppException("tts_failed", Msg.Get("TheVoiceFailedToProduceAudio"));
        }
        catch
        {
            File.Delete(wav);
            throw;
        }
    }

    /// <summary>Checks text (<c>tts_text_required</c>, <c>tts_text_too_long</c>), rate (<c>invalid_rate</c>) and voice
    /// (<c>unknown_voice</c>, 503 <c>tts_engine_missing</c>), then normalises.</summary>
    private (ITtsEngine Engine, TtsVoice Voice, double Rate, string Spoken) Check(TtsRequest request)
    {
        var text = CheckText(request.Text);
        var rate = request.Rate ?? 1.0;
        if (double.IsNaN(rate) || rate is < MinRate or > MaxRate)
            throw new AppException("invalid_rate", Msg.Get("RateMustBeFromTo1", MinRate, MaxRate));
        var (engine, voice) = voices.Resolve(request.Voice);
        return (engine, voice, rate, VietnameseNormaliser.Normalise(text).Text);
    }

    private string CheckText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new AppException("tts_text_required", Msg.Get("TypeTheTextToBeRead"));
        var max = options.Value.MaxChars;
        if (text.Length > max)
            throw new AppException("tts_text_too_long", Msg.Get("TheTextHasCharactersMoreThan", text.Length, max));
        return text.Trim();
    }
}
