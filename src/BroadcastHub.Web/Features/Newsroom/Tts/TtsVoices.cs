using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Newsroom.Tts;

/// <summary>Every installed engine's voices, and which engine speaks a requested voice id.</summary>
public sealed class TtsVoices(IEnumerable<ITtsEngine> engines)
{
    /// <summary>The id that always means "the default Vietnamese voice" when any is installed.</summary>
    public const string DefaultId = "vi";

    /// <summary>The voices of every engine, the built-in one first.</summary>
    public IReadOnlyList<TtsVoice> List() => engines.SelectMany(e => e.Voices()).ToList();

    /// <summary>
    /// The engine and voice for <paramref name="id"/> (empty = <c>vi</c>); <c>vi</c> falls back to any Vietnamese voice.
    /// 503 <c>tts_engine_missing</c> when no voice is installed, 400 <c>unknown_voice</c> for an id not offered.
    /// </summary>
    public (ITtsEngine Engine, TtsVoice Voice) Resolve(string? id)
    {
        var wanted = string.IsNullOrWhiteSpace(id) ? DefaultId : id.Trim();
        var all = engines.SelectMany(e => e.Voices().Select(v => (Engine: e, Voice: v))).ToList();
        if (all.Count == 0)
            throw new AppException("tts_engine_missing", Msg.Get("ThisServerHasNoVietnameseVoice"));
        var match = all.FirstOrDefault(x => string.Equals(x.Voice.Id, wanted, StringComparison.OrdinalIgnoreCase));
        if (match.Engine is null && wanted == DefaultId) match = all[0];
        if (match.Engine is null)
            throw new AppException("unknown_voice", Msg.Get("ThereIsNoVoiceVoicesOffered", wanted, string.Join(", ", all.Select(x => x.Voice.Id))));
        return match;
    }
}
