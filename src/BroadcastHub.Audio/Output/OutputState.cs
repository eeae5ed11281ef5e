namespace BroadcastHub.Audio.Output;

/// <summary>Which output a spec resolved to, and why it differs from what was asked for (if it does).</summary>
/// <param name="RequestedSpec">The spec as configured, e.g. <c>auto</c>.</param>
/// <param name="EffectiveSpec">The output really in use, e.g. <c>file</c>.</param>
/// <param name="Warning">Why the output fell back (e.g. no sound card), or null when it did not.</param>
public sealed record OutputState(string RequestedSpec, string EffectiveSpec, string? Warning)
{
    /// <summary>True when the output in use is not the one requested.</summary>
    public bool FellBack => Warning is not null;
}
