using NAudio.Wave;

namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// Decoded audio as 32-bit float samples (interleaved) in the file's own sample rate and channel count.
/// Streaming: a source never loads the whole file into memory. <see cref="ISampleProvider.Read"/> returns whole
/// frames only and 0 at the end.
/// </summary>
public interface IAudioSource : ISampleProvider, IDisposable
{
    /// <summary>Codec name in ffmpeg's spelling: <c>pcm_s16le</c>, <c>pcm_f32le</c>, <c>pcm_s24le</c>, <c>mp3</c>...</summary>
    string Codec { get; }

    /// <summary>
    /// Exact number of frames the source will deliver when known up front (WAV data size; MP3 frame count after
    /// gapless trimming), otherwise null.
    /// </summary>
    long? TotalFrames { get; }
}
