using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>A file to send: its content (the caller disposes it), type and name.</summary>
public sealed record ExportFile(Stream Content, string ContentType, string FileName);

/// <summary>What supervisors answer for: chain verification, the compliance summary and exports of the airtime log.</summary>
public sealed class AirtimeReports(
    AirtimeCheckpoints checkpoints, AirtimeSummaryRepository reports, PlacesRepository places, AirtimeQuery query, StationClock clock)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Walks the airtime chain and compares it with the newest signed checkpoint.</summary>
    public AirtimeChainReport Verify() => checkpoints.Verify();

    /// <summary>Planned against aired per commune of the unit's subtree (all communes without a unit) over local dates.</summary>
    public IReadOnlyList<CommuneAirtimeSummary> Summary(string? from, string? to, long? unitId)
    {
        var range = ReportRange.Parse(from, to, clock);
        RequireUnit(unitId);
        return reports.Summarize(range.FromUtc, range.ToUtc, unitId);
    }

    /// <summary>The airtime log over local dates as <c>xlsx</c> (default) or <c>csv</c>.</summary>
    public ExportFile Export(string? format, string? from, string? to, long? unitId)
    {
        var kind = string.IsNullOrWhiteSpace(format) ? "xlsx" : format.Trim().ToLowerInvariant();
        if (kind is not ("xlsx" or "csv"))
            throw new AppException("invalid_format", Msg.Get("FormatMustBeXlsxOrCsv"));
        var range = ReportRange.Parse(from, to, clock);
        RequireUnit(unitId);
        var name = $"nhat-ky-phat-{range.FileStem}.{kind}";
        var lines = reports.Lines(range.FromUtc, range.ToUtc, unitId);
        var stamp = AirtimeChainStamp.Take(checkpoints);
        if (kind == "csv") return new ExportFile(query.CsvFile(lines.Select(l => l.Record), stamp.CsvLines), "text/csv; charset=utf-8", name);

        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            AirtimeWorkbook.Write(file, lines, reports.Summarize(range.FromUtc, range.ToUtc, unitId), stamp, clock);
            file.Position = 0;
            return new ExportFile(file, XlsxContentType, name);
        }
        catch (XlsxTooLargeException)
        {
            file.Dispose();
            throw new AppException("export_too_large", Msg.Get("TooManyRecordsForOneWorksheet"));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private void RequireUnit(long? unitId)
    {
        if (unitId is { } id && places.FindUnit(id) is null)
            throw new AppException("unit_not_found", Msg.Get("ThereIsNoUnit", id));
    }
}
