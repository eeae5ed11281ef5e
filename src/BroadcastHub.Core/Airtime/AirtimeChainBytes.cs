using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BroadcastHub.Core.Airtime;

/// <summary>Writes the canonical form of <see cref="AirtimeChain"/> straight as UTF-8 bytes and hashes them, without building a string.</summary>
internal static class AirtimeChainBytes
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes(AirtimeChain.FormVersion + "\n");
    private static readonly byte[] Header2 = Encoding.ASCII.GetBytes(AirtimeChain.FormVersion2 + "\n");
    private static readonly byte[] Header3 = Encoding.ASCII.GetBytes(AirtimeChain.FormVersion3 + "\n");

    public static string Hash(AirtimeChainEntry e, string prevHash)
    {
        var max = 512 + 3 * (e.ScheduledStart.Length + (e.ActualStart?.Length ?? 0) + (e.ActualEnd?.Length ?? 0) + e.Outcome.Length
            + (e.Error?.Length ?? 0) + e.RecordedAt.Length + prevHash.Length + (e.Place?.BulletinSha256?.Length ?? 0) + (e.Relay?.RecordingPath?.Length ?? 0));
        var rented = max > 1024 ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[1024];
            var at = 0;
            var header = e.Form switch { 3 => Header3, 2 => Header2, _ => Header };
            header.CopyTo(buffer);
            at += header.Length;
            Integer(buffer, ref at, "id="u8, e.Id);
            Integer(buffer, ref at, "occurrence_id="u8, e.OccurrenceId);
            Integer(buffer, ref at, "position="u8, e.Position);
            Optional(buffer, ref at, "bulletin_id="u8, e.BulletinId);
            if (e.Relay is { } relay) Integer(buffer, ref at, "relay_source_id="u8, relay.RelaySourceId);
            if (e.Relay is not null || e.Place is not null)
            {
                var place = e.Place ?? new AirtimeChainPlace(null, null, null);
                if (e.Relay is null) Text(buffer, ref at, "bulletin_sha256="u8, place.BulletinSha256);
                Optional(buffer, ref at, "zone_id="u8, place.ZoneId);
                Optional(buffer, ref at, "commune_id="u8, place.CommuneId);
            }
            Text(buffer, ref at, "scheduled_start="u8, e.ScheduledStart);
            Text(buffer, ref at, "actual_start="u8, e.ActualStart);
            Text(buffer, ref at, "actual_end="u8, e.ActualEnd);
            Text(buffer, ref at, "played_seconds="u8, AirtimeChain.Real(e.PlayedSeconds));
            if (e.Relay is { } aired)
            {
                Text(buffer, ref at, "outage_seconds="u8, aired.OutageSeconds is { } outage ? AirtimeChain.Real(outage) : null);
                Optional(buffer, ref at, "outages="u8, aired.Outages);
                Text(buffer, ref at, "recording_path="u8, aired.RecordingPath);
            }
            Text(buffer, ref at, "outcome="u8, e.Outcome);
            Text(buffer, ref at, "error="u8, e.Error);
            Text(buffer, ref at, "recorded_at="u8, e.RecordedAt);
            Text(buffer, ref at, "prev_hash="u8, prevHash);
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(buffer[..at], digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Integer(Span<byte> buffer, ref int at, ReadOnlySpan<byte> name, long value)
    {
        Span<byte> digits = stackalloc byte[24];
        value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        Prefix(buffer, ref at, name, length);
        digits[..length].CopyTo(buffer[at..]);
        at += length;
        buffer[at++] = (byte)'\n';
    }

    private static void Optional(Span<byte> buffer, ref int at, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v) Integer(buffer, ref at, name, v);
        else Text(buffer, ref at, name, null);
    }

    private static void Text(Span<byte> buffer, ref int at, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            name.CopyTo(buffer[at..]);
            at += name.Length;
            buffer[at++] = (byte)'-';
        }
        else
        {
            Prefix(buffer, ref at, name, Encoding.UTF8.GetByteCount(value));
            at += Encoding.UTF8.GetBytes(value, buffer[at..]);
        }
        buffer[at++] = (byte)'\n';
    }

    private static void Prefix(Span<byte> buffer, ref int at, ReadOnlySpan<byte> name, int length)
    {
        name.CopyTo(buffer[at..]);
        at += name.Length;
        length.TryFormat(buffer[at..], out var written, default, CultureInfo.InvariantCulture);
        at += written;
        buffer[at++] = (byte)':';
    }
}
