using BroadcastHub.Audio.Decoding.Ffmpeg;

namespace BroadcastHub.Web.Features.Newsroom;

/// <summary>The newsroom's services: ffmpeg decoding at upload, text to speech.</summary>
public static class NewsroomRegistration
{
    /// <summary>Registers <see cref="FfmpegDecoder"/> (<c>BroadcastHub:Ffmpeg:*</c>) and the text-to-speech engines (<c>BroadcastHub:Tts:*</c>).</summary>
    public static IServiceCollection AddNewsroom(this IServiceCollection services)
    {
        services.AddOptions<FfmpegOptions>().BindConfiguration(FfmpegOptions.Section);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<FfmpegOptions>>().Value;
            return new FfmpegDecoder(new FfmpegTools(o.Path), TimeSpan.FromMinutes(o.TimeoutMinutes));
        });
        services.AddOptions<Tts.TtsOptions>().BindConfiguration(Tts.TtsOptions.Section);
        services.AddSingleton<Tts.ITtsEngine, Tts.EspeakEngine>();
        services.AddSingleton<Tts.ITtsEngine, Tts.PiperEngine>();
        services.AddSingleton<Tts.TtsVoices>();
        services.AddScoped<Tts.TtsService>();
        return services;
    }
}

/// <summary>Where ffmpeg is (<c>BroadcastHub:Ffmpeg</c>).</summary>
public sealed class FfmpegOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "BroadcastHub:Ffmpeg";

    /// <summary>The ffmpeg executable (ffprobe beside it); empty = <c>ffmpeg</c> on the PATH.</summary>
    public string Path { get; set; } = "";

    /// <summary>Longest a decode may take before the upload is refused (<c>decode_timeout</c>).</summary>
    public int TimeoutMinutes { get; set; } = 30;
}
