using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Output;
using BroadcastHub.Playout.Relay;
using Microsoft.Extensions.Logging.Abstractions;
using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace BroadcastHub.RelayBench;

/// <summary>One zone relaying the stream through the engine's relay chain into a paced null output.</summary>
public sealed class ZoneRig : IDisposable
{
    private readonly LiveStream _stream;
    private readonly RelayItemProvider _item;
    private readonly RelayRecording _recording;
    private readonly NullWavePlayer _output;

    public ZoneRig(string url, string recordingPath, WaveFormat house)
    {
        var time = TimeProvider.System;
        _stream = new LiveStream("ffmpeg", url, house, TimeSpan.FromSeconds(5), time, NullLogger.Instance);
        _item = new RelayItemProvider(_stream, long.MaxValue, RelayFill.Silence(house.SampleRate, house.Channels));
        var limited = new TruePeakLimiterSampleProvider(new ShortTermLeveller(_item, -16, 12), -1);
        _recording = RelayRecording.Start("ffmpeg", recordingPath, house);
        Detector = new MarkerDetector(new RecordingTee(limited, _recording), time);
        _output = new NullWavePlayer(time);
        _output.Init(new SampleToWaveProvider(Detector));
    }

    public MarkerDetector Detector { get; }

    public Task FirstAudio => _stream.FirstAudio;

    public double OutageSeconds => _item.OutageSeconds;

    public void Play() => _output.Play();

    public void Dispose()
    {
        _output.Stop();
        _output.Dispose();
        _recording.Dispose();
        _item.Dispose();
        _stream.Dispose();
    }
}
