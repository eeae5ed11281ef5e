namespace BroadcastHub.Web.Features.Newsroom.Tts;

/// <summary>A voice this machine has (<c>GET /api/tts/voices</c>).</summary>
/// <param name="Id">What a request names: <c>vi</c>, <c>vi-vn-x-central</c>, <c>piper-…</c>.</param>
/// <param name="Name">How the voice calls itself.</param>
/// <param name="Engine"><c>espeak-ng</c> or <c>piper</c>.</param>
/// <param name="Accent"><c>northern</c>, <c>central</c>, <c>southern</c> (or what the administrator configured).</param>
public sealed record TtsVoice(string Id, string Name, string Engine, string Accent);

/// <summary>A locally installed speech synthesiser. Nothing is ever downloaded at run time.</summary>
public interface ITtsEngine
{
    /// <summary>The engine's name as shown in <see cref="TtsVoice.Engine"/>.</summary>
    string Name { get; }

    /// <summary>The Vietnamese voices it offers now; empty when the engine is not installed.</summary>
    IReadOnlyList<TtsVoice> Voices();

    /// <summary>Writes <paramref name="text"/> read by <paramref name="voice"/> at <paramref name="rate"/> (1 = normal) as a WAV file.</summary>
    void Synthesise(TtsVoice voice, string text, double rate, string outputWav, CancellationToken cancel);
}
