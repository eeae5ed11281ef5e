using System.Data.Common;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Inserts rows many at a time: one prepared multi-row <c>INSERT … VALUES (…), (…)</c> per <see cref="BatchRows"/>
/// rows. Each statement execution costs far more than binding its values, so tens of thousands of planned rows are
/// written in a few hundred executions instead of one each.
/// </summary>
internal sealed class BatchInsert : IDisposable
{
    private const int BatchRows = 100;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _head;
    private readonly string _rowTemplate;
    private readonly int _columns;
    private readonly List<object?> _pending = [];
    private DbCommand? _full;

    /// <param name="connection">Open connection.</param>
    /// <param name="transaction">The transaction every batch runs in.</param>
    /// <param name="head">The statement up to <c>VALUES</c>, e.g. <c>INSERT INTO t (a, b)</c>.</param>
    /// <param name="rowTemplate">One row's value list with <c>{0}</c>…<c>{n-1}</c> for the bound values, e.g. <c>({0}, 'x', {1})</c>.</param>
    /// <param name="columns">How many values each row binds.</param>
    public BatchInsert(DbConnection connection, DbTransaction transaction, string head, string rowTemplate, int columns)
    {
        (_connection, _transaction, _head, _rowTemplate, _columns) = (connection, transaction, head, rowTemplate, columns);
    }

    /// <summary>Queues one row (exactly as many values as columns); writes a batch when it is full.</summary>
    public void Add(params object?[] values)
    {
        if (values.Length != _columns) throw new ArgumentException($"expected {_columns} values", nameof(values));
        _pending.AddRange(values);
        if (_pending.Count == BatchRows * _columns) Execute(_full ??= Command(BatchRows));
    }

    /// <summary>Writes the queued rows.</summary>
    public void Flush()
    {
        if (_pending.Count == 0) return;
        using var partial = Command(_pending.Count / _columns);
        Execute(partial);
    }

    private void Execute(DbCommand command)
    {
        for (var i = 0; i < _pending.Count; i++) command.Parameters[i].Value = _pending[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
        _pending.Clear();
    }

    private DbCommand Command(int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var values = Enumerable.Range(0, rows).Select(row =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, _rowTemplate,
                Enumerable.Range(0, _columns).Select(col => (object)$"@p{row * _columns + col}").ToArray()));
        command.CommandText = $"{_head} VALUES {string.Join(", ", values)}";
        for (var i = 0; i < rows * _columns; i++) command.Parameters.Add(PlanCommands.Parameter(command, $"p{i}"));
        PlanCommands.Prepare(command);
        return command;
    }

    public void Dispose() => _full?.Dispose();
}
