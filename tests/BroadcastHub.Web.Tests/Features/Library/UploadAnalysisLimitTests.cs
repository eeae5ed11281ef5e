using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Library;

[Collection(AppCollection.Name)]
public sealed class UploadAnalysisLimitTests(AppFactory app) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bh-uploads-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private AnalysisGate Gate => app.Services.GetRequiredService<AnalysisGate>();

    [Fact]
    public async Task Four_parallel_large_and_hostile_uploads_run_at_most_two_analyses_at_once_and_add_less_than_300_MB()
    {
        var large = Enumerable.Range(0, 2).Select(i => LargeWav(Path.Combine(_dir, $"large-{i}.wav"), seconds: 60, frequency: 300 + 97 * i)).ToList();
        var tooManyChannels = Wav(Path.Combine(_dir, "channels.wav"), channels: 32000, rate: 48000, blockAlign: 64000, bits: 16, tag: 1, dataBytes: 1 << 20);
        var heavy = Wav(Path.Combine(_dir, "heavy.wav"), channels: 8, rate: 192000, blockAlign: 32, bits: 32, tag: 3, dataBytes: 24 << 20);
        var client = await app.CreateApiClientAsync();
        var baseline = Sample();
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, Sample(collect: false));
                await Task.Delay(20);
            }
        });

        var responses = await Task.WhenAll(large.Append(tooManyChannels).Append(heavy).Select(f => UploadAsync(client, f)));
        await done.CancelAsync();
        await sampler;

        Assert.Equal(HttpStatusCode.Created, responses[0].StatusCode);
        Assert.Equal(HttpStatusCode.Created, responses[1].StatusCode);
        Assert.InRange((int)responses[2].StatusCode, 400, 499);
        Assert.InRange((int)responses[3].StatusCode, 200, 499);
        Assert.InRange(Gate.PeakRunning, 1, 2);
        Assert.Equal(0, Gate.Running);
        var addedMb = (peak - baseline) / (1024.0 * 1024);
        Assert.True(addedMb < 300, $"the uploads added {addedMb:0} MB to the process");
    }

    [Fact]
    public async Task Beyond_the_queue_an_upload_is_refused_with_503_and_Retry_After_and_nothing_is_stored()
    {
        var client = await app.CreateApiClientAsync();
        var options = new LibraryLimitsOptions();
        var held = Enumerable.Range(0, options.MaxConcurrentAnalyses + options.MaxQueuedAnalyses).Select(_ => Gate.Admit()).ToList();
        var file = Path.Combine(_dir, "small.wav");
        await File.WriteAllBytesAsync(file, ToneWav.Create(0.5, frequency: 200 + Random.Shared.Next(2000)));
        var before = Directory.GetFiles(Path.Combine(app.DataPath, "media"), "*", SearchOption.AllDirectories).Length;
        try
        {
            var refused = await UploadAsync(client, file);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("upload_queue_full", await refused.ErrorCodeAsync());
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal(before, Directory.GetFiles(Path.Combine(app.DataPath, "media"), "*", SearchOption.AllDirectories).Length);
        }
        finally
        {
            held.ForEach(t => t.Dispose());
        }
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(client, file)).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path)
    {
        await using var stream = File.OpenRead(path);
        using var file = new StreamContent(stream);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        using var form = new MultipartFormDataContent { { file, "file", Path.GetFileName(path) }, { new StringContent("Tải song song"), "title" } };
        return await client.PostAsync("/api/bulletins", form);
    }

    private static long Sample(bool collect = true)
    {
        if (collect) GC.Collect();
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    /// <summary>A 48 kHz stereo 16-bit tone written straight to disk (about 11 MB a minute), never whole in memory.</summary>
    private static string LargeWav(string path, int seconds, double frequency)
    {
        const int rate = 48000;
        var frames = rate * seconds;
        using var writer = Header(path, channels: 2, rate, blockAlign: 4, bits: 16, tag: 1, dataBytes: frames * 4);
        for (var i = 0; i < frames; i++)
        {
            var sample = (short)Math.Round(0.3 * 32767 * Math.Sin(2 * Math.PI * frequency * i / rate));
            writer.Write(sample);
            writer.Write(sample);
        }
        return path;
    }

    /// <summary>A WAV whose header says exactly what is given, followed by <paramref name="dataBytes"/> of silence.</summary>
    private static string Wav(string path, int channels, int rate, int blockAlign, int bits, ushort tag, int dataBytes)
    {
        using var writer = Header(path, channels, rate, blockAlign, bits, tag, dataBytes);
        var zeros = new byte[1 << 16];
        for (var left = dataBytes; left > 0; left -= zeros.Length) writer.Write(zeros, 0, Math.Min(left, zeros.Length));
        return path;
    }

    private static BinaryWriter Header(string path, int channels, int rate, int blockAlign, int bits, ushort tag, int dataBytes)
    {
        var writer = new BinaryWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        writer.Write("RIFF"u8);
        writer.Write(36 + dataBytes);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write(tag);
        writer.Write((ushort)channels);
        writer.Write(rate);
        writer.Write(rate * blockAlign);
        writer.Write((ushort)blockAlign);
        writer.Write((ushort)bits);
        writer.Write("data"u8);
        writer.Write(dataBytes);
        return writer;
    }
}
