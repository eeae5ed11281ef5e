using System.Runtime.InteropServices;
using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>
/// The "virtual loudspeaker": records what would have aired to a Broadcast Wave file (PCM 16-bit, EBU Tech 3285
/// v1 <c>bext</c>), paced in real time like a sound card, so a stop mid-way truncates the file like real air.
/// The <c>bext</c> origination date/time and TimeReference give the measured instant of the first sample in
/// the station's time zone. Sizes are patched about once a second and on close, so the file stays readable.
/// The file is created by <see cref="PacedWavePlayer.Init"/>; if the player is disposed without playing, it is deleted.
/// </summary>
public sealed class BwfFileWavePlayer : PacedWavePlayer
{
    private static readonly TimeSpan PatchInterval = TimeSpan.FromSeconds(1);
    private readonly string description;
    private readonly string reference;
    private readonly TimeZoneInfo zone;
    private FileStream? file;
    private WaveFormat? format;
    private int dataOffset;
    private long dataBytes;
    private long bytesAtLastPatch;
    private bool started;

    /// <summary>Creates a player that will write <paramref name="path"/> (overwritten) when initialised.</summary>
    /// <param name="path">File to write.</param>
    /// <param name="description">bext Description (e.g. what is airing, where).</param>
    /// <param name="originatorReference">bext OriginatorReference (e.g. the occurrence label).</param>
    /// <param name="stationTimeZone">Zone of the origination date/time and TimeReference.</param>
    /// <param name="time">The clock.</param>
    /// <param name="block">Pacing block; defaults to 20 ms.</param>
    public BwfFileWavePlayer(
        string path, string description, string originatorReference, TimeZoneInfo stationTimeZone, TimeProvider time,
        TimeSpan? block = null)
        : base(time, block ?? TimeSpan.FromMilliseconds(20))
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        this.description = description ?? string.Empty;
        reference = originatorReference ?? string.Empty;
        zone = stationTimeZone ?? throw new ArgumentNullException(nameof(stationTimeZone));
    }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <inheritdoc />
    protected override void OnInit(WaveFormat pcmFormat)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        format = pcmFormat;
        file = new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
        dataOffset = BwfLayout.WriteHeader(file, pcmFormat, Fields(DateTimeOffset.UnixEpoch, provisional: true));
        file.Flush(flushToDisk: false);
    }

    /// <inheritdoc />
    protected override void OnStart(DateTimeOffset firstFrameAt)
    {
        started = true;
        BwfLayout.RewriteBext(file!, Fields(firstFrameAt, provisional: false));
        file!.Flush(flushToDisk: false);
    }

    /// <inheritdoc />
    protected override void OnBlock(ReadOnlySpan<short> samples)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Broadcast Wave output needs a little-endian machine.");
        }

        file!.Write(MemoryMarshal.AsBytes(samples));
        dataBytes += samples.Length * 2;
        if (dataBytes - bytesAtLastPatch >= format!.AverageBytesPerSecond * PatchInterval.TotalSeconds)
        {
            BwfLayout.PatchSizes(file, dataOffset, dataBytes);
            file.Flush(flushToDisk: false);
            bytesAtLastPatch = dataBytes;
        }
    }

    /// <summary>Patches the sizes and closes the file; a file never played (disposed before Play) is deleted.</summary>
    protected override void OnClose()
    {
        if (file is null)
        {
            return;
        }

        if (!started)
        {
            file.Dispose();
            file = null;
            File.Delete(Path);
            return;
        }

        try
        {
            BwfLayout.PatchSizes(file, dataOffset, dataBytes);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            file.Dispose();
            file = null;
        }
    }

    private BextFields Fields(DateTimeOffset firstFrameAt, bool provisional)
    {
        var f = BextFields.ForStart(description, reference, firstFrameAt, zone, format!.SampleRate, format.Channels);
        return provisional ? f with { OriginationDate = "0000-00-00", OriginationTime = "00:00:00", TimeReference = 0 } : f;
    }
}
