namespace BroadcastHub.Web.Features.Newsroom.Tts;

/// <summary>Text to speech (<c>BroadcastHub:Tts</c>).</summary>
public sealed class TtsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "BroadcastHub:Tts";

    /// <summary>Longest text accepted, in characters (<c>tts_text_too_long</c> beyond).</summary>
    public int MaxChars { get; set; } = 5000;

    /// <summary>The espeak-ng executable; empty = <c>espeak-ng</c> on the PATH.</summary>
    public string EspeakPath { get; set; } = "";

    /// <summary>The Piper runner (optional; used only with <see cref="PiperModel"/>).</summary>
    public string PiperPath { get; set; } = "";

    /// <summary>The Piper ONNX voice model (its <c>.onnx.json</c> beside it), e.g. <c>/opt/piper/vi_VN-vais1000-medium.onnx</c>.</summary>
    public string PiperModel { get; set; } = "";

    /// <summary>The accent the Piper model speaks, as listed.</summary>
    public string PiperAccent { get; set; } = "northern";

    /// <summary>Longest a synthesis may run.</summary>
    public int TimeoutSeconds { get; set; } = 300;
}
