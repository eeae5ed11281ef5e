namespace BroadcastHub.Audio.Decoding;

/// <summary>What a full header scan learned about an MP3 stream before decoding it.</summary>
/// <param name="FirstFrameOffset">Offset of the first frame (the Xing/Info frame when there is one).</param>
/// <param name="AudioEnd">Offset where trailing tags begin.</param>
/// <param name="Reference">Header of the first frame; every frame must be compatible with it.</param>
/// <param name="HasInfoFrame">True when the first frame carries a Xing/Info/VBRI tag and is not audio.</param>
/// <param name="AudioFrames">Audio frames present (the tag frame excluded).</param>
/// <param name="SkipFrames">Leading decoded frames to drop (encoder delay + 529 decoder delay).</param>
/// <param name="TotalFrames">Frames delivered after trimming.</param>
/// <param name="Warnings">Damage recovered from during the scan.</param>
internal sealed record Mp3StreamInfo(
    long FirstFrameOffset, long AudioEnd, Mp3FrameHeader Reference, bool HasInfoFrame, long AudioFrames,
    long SkipFrames, long TotalFrames, IReadOnlyList<string> Warnings);
