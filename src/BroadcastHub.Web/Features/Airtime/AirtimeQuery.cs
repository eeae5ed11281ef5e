using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>One page of the airtime log and how many records the whole range holds.</summary>
public sealed record AirtimeLogPage(IReadOnlyList<AirtimeRecord> Records, long Total, int Page, int PageSize)
{
    /// <summary>Pages the range fills (at least 1).</summary>
    public long Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Reads the airtime log by local dates (at most <see cref="ReportRange.MaxDays"/> days, else <c>range_too_long</c>)
/// within the user's scope, a page at a time, and exports all of a range as CSV.
/// </summary>
public sealed class AirtimeQuery(AirtimeLogPages log, UserScope scope, StationClock clock, AirtimeCsv csvFormat)
{
    /// <summary>Records per API page unless asked otherwise.</summary>
    public const int DefaultPageSize = 1000;

    /// <summary>Most records one API page may hold.</summary>
    public const int MaxPageSize = 5000;

    /// <summary>
    /// One page of the records over local dates, of one commune (404 <c>commune_not_found</c> outside the scope) or
    /// of every commune in scope. A page beyond the last is empty; <c>invalid_page</c> for a page or size out of range.
    /// </summary>
    public AirtimeLogPage Page(string? from, string? to, long? communeId, int page, int pageSize)
    {
        if (page < 1 || pageSize < 1 || pageSize > MaxPageSize)
            throw new AppException("invalid_page", Msg.Get("PageMustBe1OrMore", MaxPageSize));
        var (range, communes) = Resolve(from, to, communeId);
        var total = log.Count(range.FromUtc, range.ToUtc, communes);
        var records = log.Page(range.FromUtc, range.ToUtc, communes, (long)(page - 1) * pageSize, pageSize);
        return new AirtimeLogPage(records, total, page, pageSize);
    }

    /// <summary>Every record of the range in time order, streamed; checked like <see cref="Page"/> before the first is read.</summary>
    public IEnumerable<AirtimeRecord> All(string? from, string? to, long? communeId)
    {
        var (range, communes) = Resolve(from, to, communeId);
        return log.All(range.FromUtc, range.ToUtc, communes);
    }

    /// <summary>Writes the records as CSV (see <see cref="AirtimeCsv"/>), then the <paramref name="trailer"/> lines (the signed chain head).</summary>
    public void WriteCsv(Stream output, IEnumerable<AirtimeRecord> records, IEnumerable<string> trailer) =>
        csvFormat.Write(output, records, trailer);

    /// <summary><see cref="WriteCsv"/> into a temporary file (deleted when the returned stream is closed), at its start.</summary>
    public Stream CsvFile(IEnumerable<AirtimeRecord> records, IEnumerable<string> trailer)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            WriteCsv(file, records, trailer);
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private (ReportRange Range, IReadOnlyCollection<long>? Communes) Resolve(string? from, string? to, long? communeId)
    {
        var range = ReportRange.Parse(from, to, clock);
        if (communeId is { } id)
        {
            scope.EnsureCommune(id);
            return (range, [id]);
        }
        return (range, scope.IsWhole ? null : scope.CommuneIds.ToList());
    }
}
