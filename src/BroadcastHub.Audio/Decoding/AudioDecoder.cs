namespace BroadcastHub.Audio.Decoding;

/// <summary>Opens audio files for streaming decode, identifying them by content, never by file name.</summary>
public static class AudioDecoder
{
    private const int HeadLength = 4096;

    /// <summary>
    /// Opens <paramref name="path"/>, sniffing its content (WAV, MP3 or Ogg Vorbis). Throws <see cref="AudioRejectedException"/>
    /// with a specific code and message when the file is empty, not audio, unsupported, damaged or truncated.
    /// MP3 streams are scanned header by header (not decoded) and Ogg streams' last page is checked, so truncation
    /// is refused here, before playback. Ogg files carrying another codec (Opus, FLAC...) are refused by name.
    /// </summary>
    public static IAudioSource Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        try
        {
            return OpenStream(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static IAudioSource OpenStream(FileStream stream)
    {
        var length = stream.Length;
        if (length == 0)
            throw new AudioRejectedException(AudioErrorCodes.EmptyFile,
                "The file is empty (0 bytes) — the upload probably failed. Upload the file again.");
        var head = new byte[(int)Math.Min(length, HeadLength)];
        stream.ReadExactly(head);
        if (head.Length >= 12 && head.AsSpan(0, 4).SequenceEqual("RIFF"u8) && head.AsSpan(8, 4).SequenceEqual("WAVE"u8))
            return new WavAudioSource(stream, WavHeaderReader.Read(stream, length));
        if (head.AsSpan().StartsWith("OggS"u8))
            return new OggVorbisAudioSource(stream, OggProbe.Read(stream, head, length));
        if (ForeignFormats.Describe(head) is { } foreign) throw ForeignFormats.Unsupported(foreign);
        return OpenMpeg(stream, head, length);
    }

    private static IAudioSource OpenMpeg(FileStream stream, byte[] head, long length)
    {
        var start = Mp3Tags.SkipId3v2(stream, 0, length);
        if (start > 0 && start < length)
        {
            var after = new byte[(int)Math.Min(64, length - start)];
            stream.Position = start;
            stream.ReadExactly(after);
            if (ForeignFormats.Describe(after) is { } tagged) throw ForeignFormats.Unsupported(tagged + " with an ID3 tag");
        }

        var end = Mp3Tags.FindAudioEnd(stream, start, length);
        var found = Mp3Probe.FindFirstFrame(stream, start, end);
        if (found is null)
        {
            if (start > 0)
                throw new AudioRejectedException(AudioErrorCodes.NoAudio,
                    $"The file has an ID3 tag but no MP3 audio frames after it. {AcceptedFormats.Sentence}");
            throw ForeignFormats.Unrecognized(head);
        }

        var (first, header) = found.Value;
        if (header.Layer != 3) throw ForeignFormats.Unsupported($"{header.Name} audio (MP{header.Layer})");
        var info = Mp3StreamScanner.Scan(stream, first, end, header);
        if (first > start)
        {
            var skipped = $"Skipped {MessageText.N(first - start)} bytes of non-audio data before the first MP3 frame.";
            info = info with { Warnings = [skipped, .. info.Warnings] };
        }

        return new Mp3AudioSource(stream, info);
    }
}
