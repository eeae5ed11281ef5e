using System.Globalization;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Newsroom.Tts;

/// <summary>
/// A Piper neural voice an administrator installed: the runner (<c>BroadcastHub:Tts:PiperPath</c>) and one ONNX model
/// (<c>BroadcastHub:Tts:PiperModel</c>). Offered only when both files exist; Piper reads the text on standard input.
/// </summary>
public sealed class PiperEngine(IOptions<TtsOptions> options) : ITtsEngine
{
    /// <inheritdoc />
    public string Name => "piper";

    /// <inheritdoc />
    public IReadOnlyList<TtsVoice> Voices()
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.PiperModel) || !File.Exists(o.PiperModel) || ExecutableSearch.Find(o.PiperPath, null) is null) return [];
        var model = Path.GetFileNameWithoutExtension(o.PiperModel);
        return [new TtsVoice("piper-" + model, model, Name, o.PiperAccent)];
    }

    /// <inheritdoc />
    public void Synthesise(TtsVoice voice, string text, double rate, string outputWav, CancellationToken cancel)
    {
        var o = options.Value;
        var exe = ExecutableSearch.Find(o.PiperPath, null) ?? throw new TtsFailedException("The Piper runner is not installed.");
        var lengthScale = (1 / rate).ToString("0.###", CultureInfo.InvariantCulture);
        SpeechProcess.Run(exe, ["--model", o.PiperModel, "--output_file", outputWav, "--length_scale", lengthScale], text,
            TimeSpan.FromSeconds(o.TimeoutSeconds), cancel);
    }
}
