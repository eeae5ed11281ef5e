using System.Text.Json;
using BroadcastHub.Core.Library;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Library;

/// <summary>What happened to a bulletin, as the detail page lists it.</summary>
public enum BulletinEventKind
{
    Uploaded,
    Approved,
    Rejected,
    Other,
}

/// <summary>One step of a bulletin's history: what, by whom, when (UTC), why (a rejection's reason) and the audit action.</summary>
public sealed record BulletinEvent(BulletinEventKind Kind, string User, DateTimeOffset At, string? Reason, string Action);

/// <summary>
/// A bulletin's status history, read from the audit log (page and API actions on <c>library/{id}</c> and
/// <c>bulletins/{id}</c>), completed from the bulletin's own upload and review fields where the log holds nothing
/// (e.g. an upload through the page form, which the log records without the new id).
/// </summary>
public sealed class BulletinHistory(AuditRepository audit)
{
    private static readonly string[] Entities = ["library", "bulletins"];

    /// <summary>The history of <paramref name="bulletin"/>, oldest first.</summary>
    public IReadOnlyList<BulletinEvent> For(Bulletin bulletin)
    {
        var events = audit.ForEntity(Entities, bulletin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(e => new BulletinEvent(KindOf(e.Action), e.User, e.At, ReasonIn(e.Detail), e.Action))
            .ToList();
        if (!events.Any(e => e.Kind == BulletinEventKind.Uploaded))
            events.Insert(0, new BulletinEvent(BulletinEventKind.Uploaded, bulletin.UploadedBy, bulletin.UploadedAt, null, "upload"));
        if (bulletin is { ReviewedAt: { } at, ReviewedBy: { } by } && !events.Any(e => e.Kind is BulletinEventKind.Approved or BulletinEventKind.Rejected))
            events.Add(new BulletinEvent(bulletin.Status == BulletinStatus.Rejected ? BulletinEventKind.Rejected : BulletinEventKind.Approved,
                by, at, bulletin.RejectionReason, "review"));
        return events.OrderBy(e => e.At).ToList();
    }

    private static BulletinEventKind KindOf(string action) => action[(action.LastIndexOf('.') + 1)..] switch
    {
        "Upload" => BulletinEventKind.Uploaded,
        "Approve" => BulletinEventKind.Approved,
        "Reject" => BulletinEventKind.Rejected,
        _ => BulletinEventKind.Other,
    };

    /// <summary>The <c>reason</c> the request carried: a form field, an argument, or the API body's property.</summary>
    private static string? ReasonIn(string? detail)
    {
        if (detail is null) return null;
        try
        {
            using var json = JsonDocument.Parse(detail);
            var root = json.RootElement;
            foreach (var path in new[] { new[] { "form", "reason" }, ["arguments", "reason"], ["arguments", "request", "reason"] })
                if (Find(root, path) is { ValueKind: JsonValueKind.String } found && found.GetString() is { Length: > 0 } reason)
                    return reason.Trim();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Find(JsonElement element, string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element;
    }
}
