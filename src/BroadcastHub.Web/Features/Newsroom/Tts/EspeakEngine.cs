using System.Globalization;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Newsroom.Tts;

/// <summary>espeak-ng (Debian package <c>espeak-ng</c>): the built-in baseline, with northern, central and southern Vietnamese voices.</summary>
public sealed class EspeakEngine(IOptions<TtsOptions> options) : ITtsEngine
{
    private const int NormalWordsPerMinute = 150;
    private readonly Lazy<IReadOnlyList<TtsVoice>> _voices = new(() => List(options.Value));

    /// <inheritdoc />
    public string Name => "espeak-ng";

    /// <inheritdoc />
    public IReadOnlyList<TtsVoice> Voices() => Executable(options.Value) is null ? [] : _voices.Value;

    /// <inheritdoc />
    public void Synthesise(TtsVoice voice, string text, double rate, string outputWav, CancellationToken cancel)
    {
        var exe = Executable(options.Value) ?? throw new TtsFailedException("espeak-ng is not installed.");
        var wpm = ((int)Math.Round(NormalWordsPerMinute * rate)).ToString(CultureInfo.InvariantCulture);
        SpeechProcess.Run(exe, ["-v", voice.Id, "-s", wpm, "-w", outputWav, "--stdin"], text,
            TimeSpan.FromSeconds(options.Value.TimeoutSeconds), cancel);
    }

    private static IReadOnlyList<TtsVoice> List(TtsOptions o)
    {
        if (Executable(o) is not { } exe) return [];
        var listing = SpeechProcess.Run(exe, ["--voices=vi"], null, TimeSpan.FromSeconds(30), CancellationToken.None);
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cols => cols.Length >= 4 && cols[1].StartsWith("vi", StringComparison.OrdinalIgnoreCase))
            .Select(cols => new TtsVoice(cols[1], cols[3].Replace('_', ' '), "espeak-ng", Accent(cols[3])))
            .ToList();
    }

    private static string Accent(string name) =>
        name.Contains("Central", StringComparison.OrdinalIgnoreCase) ? "central"
        : name.Contains("South", StringComparison.OrdinalIgnoreCase) ? "southern"
        : "northern";

    private static string? Executable(TtsOptions o) => ExecutableSearch.Find(o.EspeakPath, "espeak-ng");
}
