using BroadcastHub.Core.Library;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Bulletin metadata. The audio itself lives content-addressed in the media folder.</summary>
public sealed class BulletinRepository(AppDatabase db)
{
    private sealed class Row
    {
        public long Id { get; set; }
        public string Title { get; set; } = "";
        public string Language { get; set; } = "";
        public string OriginalFileName { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public long SizeBytes { get; set; }
        public string Codec { get; set; } = "";
        public long Frames { get; set; }
        public int SampleRate { get; set; }
        public int Channels { get; set; }
        public double IntegratedLufs { get; set; }
        public double TruePeakDbtp { get; set; }
        public string Status { get; set; } = "";
        public string? RejectionReason { get; set; }
        public string? ValidFrom { get; set; }
        public string? ValidUntil { get; set; }
        public string UploadedAt { get; set; } = "";
        public string UploadedBy { get; set; } = "";
        public long? OwnerUnitId { get; set; }
        public string? ReviewedBy { get; set; }
        public string? ReviewedAt { get; set; }
        public string? HouseSha256 { get; set; }
        public long? HouseSizeBytes { get; set; }
        public string SourceKind { get; set; } = BulletinSources.Upload;
        public string? SpokenText { get; set; }

        public Bulletin ToBulletin() => new()
        {
            Id = Id, Title = Title, Language = Language, OriginalFileName = OriginalFileName, Sha256 = Sha256,
            SizeBytes = SizeBytes, Codec = Codec, Frames = Frames, SampleRate = SampleRate, Channels = Channels,
            IntegratedLufs = IntegratedLufs, TruePeakDbtp = TruePeakDbtp, Status = Enum.Parse<BulletinStatus>(Status),
            RejectionReason = RejectionReason, ValidFrom = SqlValues.ParseDateOrNull(ValidFrom),
            ValidUntil = SqlValues.ParseDateOrNull(ValidUntil), UploadedAt = SqlValues.ParseInstant(UploadedAt),
            UploadedBy = UploadedBy, OwnerUnitId = OwnerUnitId, ReviewedBy = ReviewedBy, ReviewedAt = SqlValues.ParseInstantOrNull(ReviewedAt),
            HouseSha256 = HouseSha256, HouseSizeBytes = HouseSizeBytes, SourceKind = SourceKind, SpokenText = SpokenText,
        };
    }

    /// <summary>Stores a new bulletin and returns it with its id.</summary>
    public Bulletin Insert(Bulletin b)
    {
        using var c = db.Open();
        var id = c.ExecuteScalar<long>(
            """
            INSERT INTO bulletins (title, language, original_file_name, sha256, size_bytes, codec, frames, sample_rate,
                channels, integrated_lufs, true_peak_dbtp, status, valid_from, valid_until, uploaded_at, uploaded_by, owner_unit_id,
                house_sha256, house_size_bytes, source_kind, spoken_text)
            VALUES (@Title, @Language, @OriginalFileName, @Sha256, @SizeBytes, @Codec, @Frames, @SampleRate,
                @Channels, @IntegratedLufs, @TruePeakDbtp, @Status, @ValidFrom, @ValidUntil, @UploadedAt, @UploadedBy, @OwnerUnitId,
                @HouseSha256, @HouseSizeBytes, @SourceKind, @SpokenText)
            RETURNING id
            """,
            new
            {
                b.Title, b.Language, b.OriginalFileName, b.Sha256, b.SizeBytes, b.Codec, b.Frames, b.SampleRate, b.Channels,
                b.IntegratedLufs, b.TruePeakDbtp, Status = b.Status.ToString(), ValidFrom = SqlValues.Date(b.ValidFrom),
                ValidUntil = SqlValues.Date(b.ValidUntil), UploadedAt = SqlValues.Instant(b.UploadedAt), b.UploadedBy, b.OwnerUnitId,
                b.HouseSha256, b.HouseSizeBytes, b.SourceKind, b.SpokenText,
            });
        return b with { Id = id };
    }

    /// <summary>One bulletin, or null.</summary>
    public Bulletin? Find(long id)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Row>("SELECT * FROM bulletins WHERE id = @id", new { id })?.ToBulletin();
    }

    /// <summary>Bulletins by id, for a set of ids (the titles of a log page: cached until the database changes).</summary>
    public IReadOnlyDictionary<long, Bulletin> FindMany(IEnumerable<long> ids)
    {
        var list = ids.Distinct().Order().ToArray();
        return db.Cache.Get($"bulletins|{string.Join(',', list)}", () =>
        {
            using var c = db.Open();
            return (IReadOnlyDictionary<long, Bulletin>)c.Query<Row>($"SELECT * FROM bulletins WHERE {db.Dialect.In("id", "@list")}", new { list })
                .Select(r => r.ToBulletin()).ToDictionary(b => b.Id);
        });
    }

    /// <summary>
    /// Newest first, optionally only one status; with <paramref name="ownerUnits"/>, only organisation-wide bulletins
    /// and those owned by one of these units.
    /// </summary>
    public IReadOnlyList<Bulletin> List(BulletinStatus? status = null, int limit = 500, IReadOnlyCollection<long>? ownerUnits = null) =>
        db.Cache.Get($"bulletin-list|{status}|{limit}|{(ownerUnits is null ? "all" : string.Join(',', ownerUnits))}",
            () => ListNow(status, limit, ownerUnits));

    private IReadOnlyList<Bulletin> ListNow(BulletinStatus? status, int limit, IReadOnlyCollection<long>? ownerUnits)
    {
        using var c = db.Open();
        return c.Query<Row>(
            $"""
            SELECT * FROM bulletins
            WHERE (@status IS NULL OR status = @status) AND (@all OR owner_unit_id IS NULL OR {db.Dialect.In("owner_unit_id", "@owners")})
            ORDER BY id DESC LIMIT @limit
            """,
            new { status = status?.ToString(), limit, all = ownerUnits is null, owners = ownerUnits?.ToArray() ?? [] })
            .Select(r => r.ToBulletin()).ToList();
    }

    /// <summary>Records a supervisor's decision, only while the bulletin awaits approval. Returns false otherwise.</summary>
    public bool Review(long id, BulletinStatus decision, string reviewer, string? reason, DateTimeOffset at)
    {
        using var c = db.Open();
        return c.Execute(
            """
            UPDATE bulletins SET status = @decision, rejection_reason = @reason, reviewed_by = @reviewer, reviewed_at = @at
            WHERE id = @id AND status = 'PendingApproval'
            """,
            new { id, decision = decision.ToString(), reason, reviewer, at = SqlValues.Instant(at) }) == 1;
    }

    /// <summary>True when some bulletin already references this stored file.</summary>
    public bool IsFileReferenced(string sha256)
    {
        using var c = db.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM bulletins WHERE sha256 = @sha256 OR house_sha256 = @sha256", new { sha256 }) > 0;
    }
}
