using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Decoding.Ffmpeg;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit.Abstractions;

namespace BroadcastHub.Audio.Tests.Newsroom;

/// <summary>Formats read through ffmpeg at upload (issue 14), against ffmpeg itself as the reference.</summary>
public sealed class FfmpegIntakeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _house = Path.Combine(Path.GetTempPath(), "bh-house-" + Guid.NewGuid().ToString("N") + ".wav");
    private static readonly FfmpegDecoder Decoder = new(new FfmpegTools(null));

    public void Dispose() => File.Delete(_house);

    [Theory]
    [InlineData("bulletin-vi-aac.m4a", "aac", 44100)]
    [InlineData("bulletin-vi-aac.aac", "aac", 44100)]
    [InlineData("bulletin-vi-opus.ogg", "opus", 48000)]
    [InlineData("bulletin-vi-opus.webm", "opus", 48000)]
    [InlineData("bulletin-vi.flac", "flac", 16000)]
    [InlineData("bulletin-vi-video.mp4", "aac", 44100)]
    [InlineData("noise-amrnb.amr", "amr_nb", 8000)]
    [InlineData("noise-amrwb.amr", "amr_wb", 16000)]
    public void Each_format_decodes_to_ffmpegs_exact_length_and_loudness(string file, string codec, int rate)
    {
        var path = DecodingFixtures.PathOf("newsroom/" + file);

        var result = MediaIntake.Analyze(path, _house, Decoder);

        var (frames, lufs) = (FfmpegReference.Frames(path), FfmpegReference.IntegratedLufs(path));
        output.WriteLine($"{file}: {result.Analysis.Frames} frames (ffmpeg {frames}), {result.Analysis.IntegratedLufs:F2} LUFS (ffmpeg {lufs})");
        Assert.True(result.HouseCopyWritten);
        Assert.Equal(codec, result.Analysis.Codec);
        Assert.Equal(rate, result.Analysis.SampleRate);
        Assert.Equal(frames, result.Analysis.Frames);
        Assert.Equal(lufs, result.Analysis.IntegratedLufs, 0.3);
        using var house = AudioDecoder.Open(_house);
        Assert.Equal(frames, house.TotalFrames);
    }

    [Theory]
    [InlineData("truncated-bulletin-vi-aac.m4a", FfmpegErrorCodes.TruncatedMp4)]
    [InlineData("truncated-bulletin-vi-aac.aac", FfmpegErrorCodes.TruncatedAac)]
    [InlineData("truncated-bulletin-vi-opus.ogg", FfmpegErrorCodes.TruncatedOpus)]
    [InlineData("truncated-bulletin-vi-opus.webm", FfmpegErrorCodes.TruncatedWebm)]
    [InlineData("truncated-bulletin-vi.flac", FfmpegErrorCodes.TruncatedFlac)]
    [InlineData("truncated-bulletin-vi-video.mp4", FfmpegErrorCodes.TruncatedMp4)]
    [InlineData("truncated-noise-amrnb.amr", FfmpegErrorCodes.TruncatedAmr)]
    [InlineData("truncated-noise-amrwb.amr", FfmpegErrorCodes.TruncatedAmr)]
    public void Each_truncated_file_is_refused_with_its_code_and_leaves_no_house_copy(string file, string code)
    {
        var e = Assert.Throws<AudioRejectedException>(() => MediaIntake.Analyze(DecodingFixtures.PathOf("newsroom/" + file), _house, Decoder));

        output.WriteLine(e.Message);
        Assert.Equal(code, e.Code);
        Assert.False(File.Exists(_house));
    }

    [Fact]
    public void A_flac_cut_on_a_frame_boundary_is_refused_by_its_declared_length()
    {
        var whole = DecodingFixtures.PathOf("newsroom/bulletin-vi.flac");
        var cut = _house + ".flac";
        try
        {
            var bytes = File.ReadAllBytes(whole);
            var sync = bytes.AsSpan(bytes.Length / 2).IndexOf((ReadOnlySpan<byte>)[0xFF, 0xF8]) + bytes.Length / 2;
            File.WriteAllBytes(cut, bytes[..sync]);
            var e = Assert.Throws<AudioRejectedException>(() => MediaIntake.Analyze(cut, _house, Decoder));
            Assert.Equal(FfmpegErrorCodes.TruncatedFlac, e.Code);
        }
        finally
        {
            File.Delete(cut);
        }
    }

    [Fact]
    public void Without_ffmpeg_these_formats_are_refused_naming_the_package_and_the_managed_formats_still_work()
    {
        var missing = new FfmpegDecoder(new FfmpegTools("/nonexistent/bin/ffmpeg"));

        var e = Assert.Throws<AudioRejectedException>(() =>
            MediaIntake.Analyze(DecodingFixtures.PathOf("newsroom/bulletin-vi-aac.m4a"), _house, missing));
        Assert.Equal(FfmpegErrorCodes.FfmpegMissing, e.Code);
        Assert.Contains("apt-get install ffmpeg", e.Message);
        Assert.False(File.Exists(_house));

        var wav = MediaIntake.Analyze(DecodingFixtures.PathOf("bulletin-vi-mono-44k-f32.wav"), _house, missing);
        Assert.False(wav.HouseCopyWritten);
        Assert.Equal(379_384, wav.Analysis.Frames);
        Assert.False(File.Exists(_house));
    }

    [Theory]
    [InlineData("bulletin-vi-mono-22k-cbr64.mp3")]
    [InlineData("bulletin-vi-mono-44k-vorbis.ogg")]
    [InlineData("bad/png-named.wav")]
    public void Managed_formats_and_foreign_files_never_reach_ffmpeg(string file) =>
        Assert.Null(MediaIntake.Sniff(DecodingFixtures.PathOf(file)));

    [Fact]
    public void A_silent_video_is_refused_as_having_no_sound_track()
    {
        var video = _house + ".mp4";
        try
        {
            Tool.Run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=red:s=32x32:r=5:d=1", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", video);
            var e = Assert.Throws<AudioRejectedException>(() => MediaIntake.Analyze(video, _house, Decoder));
            Assert.Equal(FfmpegErrorCodes.NoAudioTrack, e.Code);
        }
        finally
        {
            File.Delete(video);
        }
    }
}
