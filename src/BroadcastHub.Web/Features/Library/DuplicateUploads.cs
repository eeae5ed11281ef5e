using BroadcastHub.Core.Library;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Scope;
using Dapper;

namespace BroadcastHub.Web.Features.Library;

/// <summary>Finds a bulletin the user sees that already holds an uploaded file's content (same SHA-256).</summary>
public sealed class DuplicateUploads(AppDatabase db, BulletinRepository bulletins, UserScope scope)
{
    /// <summary>The oldest visible bulletin with this content, or null.</summary>
    public Bulletin? Find(string sha256)
    {
        var owners = scope.VisibleContentOwners;
        using var c = db.Open();
        var id = c.QueryFirstOrDefault<long?>(
            $"""
            SELECT id FROM bulletins
            WHERE sha256 = @sha256 AND (@all OR owner_unit_id IS NULL OR {db.Dialect.In("owner_unit_id", "@owners")})
            ORDER BY id LIMIT 1
            """,
            new { sha256, all = owners is null, owners = owners?.ToArray() ?? [] });
        return id is { } found ? bulletins.Find(found) : null;
    }
}

/// <summary>
/// An upload refused because its content is already in the library as <see cref="Existing"/>: 409
/// <c>duplicate_upload</c>, unless the uploader asks for a second copy (<c>allowDuplicate=true</c>).
/// </summary>
public sealed class DuplicateUploadException(Bulletin existing) : Exception(MessageFor(existing))
{
    public const string Code = "duplicate_upload";

    /// <summary>The bulletin that already holds this file.</summary>
    public Bulletin Existing { get; } = existing;

    /// <summary>The API body: <c>{ error, message, existingId, existingTitle }</c>.</summary>
    public object Body => new { error = Code, message = Message, existingId = Existing.Id, existingTitle = Existing.Title };

    private static string MessageFor(Bulletin existing) => Msg.Get("ThisFileIsAlreadyInThe", existing.Id, existing.Title);
}
