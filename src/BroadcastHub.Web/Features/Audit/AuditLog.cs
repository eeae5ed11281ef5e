using System.Text.Encodings.Web;
using System.Text.Json;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Audit;

/// <summary>Writes the audit log: who did what, to what, and when.</summary>
public sealed class AuditLog(AuditRepository repository, TimeProvider time)
{
    /// <summary>JSON as stored: Vietnamese stays readable, camelCase names.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Records that <paramref name="user"/> did <paramref name="action"/> to <paramref name="entity"/>
    /// <paramref name="id"/>; <paramref name="detail"/> (any object, or null) is stored as JSON. Returns the entry id.
    /// </summary>
    public long Record(string user, string action, string entity, object? id, object? detail = null) =>
        repository.Append(new AuditEntry(0, time.GetUtcNow(), user, action, entity,
            id is null ? null : Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture),
            detail switch
            {
                null => null,
                string text => JsonSerializer.Serialize(text, Json),
                _ => JsonSerializer.Serialize(detail, detail.GetType(), Json),
            }));
}
