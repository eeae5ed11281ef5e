using System.Globalization;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// A list of ids as ONE bound parameter, however long: PostgreSQL takes an array (<c>= ANY(@ids)</c>); SQLite a JSON
/// array read by <c>json_each</c>. Dapper's <c>IN @list</c> binds one named parameter per id instead, which on SQLite
/// fails beyond 32,766 ids and costs O(n²) to bind (Microsoft.Data.Sqlite looks each name up with
/// <c>sqlite3_bind_parameter_index</c>, a linear scan, under up to four prefixes), and its text changes with the count.
/// </summary>
internal static class SqlLists
{
    /// <summary>"<paramref name="column"/> is one of <paramref name="ids"/>", the list added to <paramref name="args"/> as <paramref name="name"/>.</summary>
    public static string In(SqlDialect dialect, string column, string name, IEnumerable<long> ids, DynamicParameters args)
    {
        if (dialect.IsPostgres)
        {
            args.Add(name, ids as long[] ?? ids.ToArray());
            return dialect.In(column, "@" + name);
        }
        args.Add(name, Json(ids));
        return $"{column} IN (SELECT value FROM json_each(@{name}))";
    }

    /// <summary>The ids as a JSON array, e.g. <c>[1,2,3]</c>.</summary>
    public static string Json(IEnumerable<long> ids) =>
        "[" + string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";
}
