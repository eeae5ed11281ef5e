namespace BroadcastHub.Data;

/// <summary>The engine behind the app database (<c>BroadcastHub:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file under the data folder: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by any number of identical hub nodes.</summary>
    Postgres,
}
