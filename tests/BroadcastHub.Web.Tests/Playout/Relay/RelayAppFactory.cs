using BroadcastHub.Core.Library;
using BroadcastHub.Core.Relay;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Playout.Relay;

/// <summary>
/// The app airing on the <c>file</c> output in the test source's format (48 kHz mono), a 4 s relay pre-roll, quick
/// reconnections, bulletin 1 — the first this app stores, a 1 kHz tone — as the relay fill, and agents' relay
/// recordings up to 1 MB.
/// </summary>
public sealed class RelayAppFactory : AppFactory
{
    public const double FillFrequency = 1000;
    public const double PrerollSeconds = 4;
    private readonly SemaphoreSlim _fillOnce = new(1, 1);
    private Bulletin? _fill;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("BroadcastHub:Outputs:Default", "file");
        builder.UseSetting("BroadcastHub:HouseFormat:SampleRate", "48000");
        builder.UseSetting("BroadcastHub:HouseFormat:Channels", "1");
        builder.UseSetting("BroadcastHub:Relay:PrerollSeconds", PrerollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("BroadcastHub:Relay:ReconnectMaxSeconds", "2");
        builder.UseSetting("BroadcastHub:Relay:FillBulletinId", "1");
        builder.UseSetting("BroadcastHub:Relay:AgentRecordingMaxMegabytes", "1");
    }

    public PlayoutScenario Scenario => new(this);

    /// <summary>The fill bulletin (id 1), stored once.</summary>
    public async Task<Bulletin> FillAsync()
    {
        await _fillOnce.WaitAsync();
        try
        {
            _fill ??= await Scenario.ApprovedAsync(ToneWav.Create(3, sampleRate: 48000, frequency: FillFrequency, amplitude: 0.2), 3);
            Assert.Equal(1, _fill.Id);
            return _fill;
        }
        finally
        {
            _fillOnce.Release();
        }
    }

    public RelaySource Source(Uri url) =>
        Services.GetRequiredService<RelaySourceRepository>().Add("Nguồn " + Guid.NewGuid().ToString("N")[..6], url.ToString())!;

    /// <summary>An occurrence of a fresh commune whose rundown is the given relays (source, seconds) and bulletins, in order.</summary>
    public Occurrence Occurrence(DateTimeOffset start, DateTimeOffset end, params object[] rundown)
    {
        var communeId = Services.GetRequiredService<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null).Id;
        var session = Services.GetRequiredService<SessionRepository>().Create(communeId, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var date = DateOnly.FromDateTime(start.UtcDateTime.AddHours(7));
        var anchor = new DateOnly(2099, 1, 1);
        var fill = rundown.OfType<Bulletin>().FirstOrDefault() ?? _fill!;
        var booking = Services.GetRequiredService<BookingRepository>().Create(session.Id, [fill.Id], anchor, anchor, "test");
        var offset = 0.0;
        var slots = new List<PlannedSlot>();
        foreach (var item in rundown)
        {
            var (slot, seconds) = item switch
            {
                Bulletin b => (new PlannedSlot(b.Id, booking.Id, offset, b.DurationSeconds, null), b.DurationSeconds),
                (RelaySource s, double relaySeconds) => (new PlannedSlot(0, booking.Id, offset, relaySeconds, null) { Relay = new RelayRundown(s.Id, relaySeconds) }, relaySeconds),
                _ => throw new ArgumentException("a rundown item is a bulletin or (relay source, seconds)"),
            };
            slots.Add(slot);
            offset += seconds;
        }
        var occurrences = Services.GetRequiredService<OccurrenceRepository>();
        return occurrences.Find(occurrences.Upsert(new PlannedOccurrence(session.Id, date, start, end, slots)))!;
    }

    /// <summary>The BWF the file output wrote for the occurrence, as float samples (mono).</summary>
    public (float[] Samples, EndToEnd.BroadcastWaveFile File) Aired(Occurrence occ)
    {
        var folder = Path.Combine(DataPath, "air", $"zone{occ.ZoneId}");
        var path = Directory.GetFiles(folder, $"*-occ{occ.Id}.wav").Single();
        var bwf = EndToEnd.BroadcastWaveFile.Read(path);
        return (bwf.Samples.Select(s => s / 32768f).ToArray(), bwf);
    }
}

[CollectionDefinition(Name)]
public sealed class RelayCollection : ICollectionFixture<RelayAppFactory>
{
    public const string Name = "relay";
}
