using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerEngine.Storage.Sqlite.Connections;

/// <summary>
/// A compiled statement bound and stepped through SQLite's own interface, for the writer's hottest
/// statements: the driver's command allocates a binder per parameter and an encoded copy of every
/// string on each execution: on the two statements run per event, a tenth of all the engine's
/// garbage and over a quarter of the single writer's processor time (decision 56). Used by one thread at a time, like its connection.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    // SQLite's number for each parameter, by the place of its name in the list given when compiled,
    // so statements that use the same names in different orders bind the same way.
    private readonly int[] _numbers;
    private byte[] _text = new byte[256];

    /// <summary>
    /// Compiles <paramref name="sql"/>; the binders' 1-based indexes are places in <paramref name="parameterNames"/>,
    /// which must name every parameter of the statement exactly once.
    /// </summary>
    public RawStatement(SqliteConnection connection, string sql, ReadOnlySpan<string> parameterNames)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
        _numbers = new int[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _numbers[i] = raw.sqlite3_bind_parameter_index(_statement, parameterNames[i]);
        }

        // A parameter left out of the list would silently stay NULL, and one the SQL lacks would bind nothing.
        var missing = Array.IndexOf(_numbers, 0);
        if (missing >= 0 || raw.sqlite3_bind_parameter_count(_statement) != parameterNames.Length)
        {
            _statement.Dispose();
            throw new InvalidOperationException(missing >= 0
                ? $"Parameter {parameterNames[missing]} is not in: {sql}"
                : $"The statement has parameters other than {string.Join(", ", parameterNames.ToArray())}: {sql}");
        }
    }

    /// <summary>Binds a string, or NULL, to the parameter named at 1-based place <paramref name="index"/> of the list.</summary>
    public void BindText(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, _numbers[index - 1]));
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_text.Length < length)
        {
            _text = new byte[Math.Max(length, _text.Length * 2)];
        }

        // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is reused for the next value.
        var written = Encoding.UTF8.GetBytes(value, _text);
        Check(raw.sqlite3_bind_text(_statement, _numbers[index - 1], _text.AsSpan(0, written)));
    }

    /// <summary>Binds an integer, or NULL, to the parameter named at 1-based place <paramref name="index"/> of the list.</summary>
    public void BindInt64(int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, _numbers[index - 1], v) : raw.sqlite3_bind_null(_statement, _numbers[index - 1]));

    /// <summary>Binds bytes to the parameter named at 1-based place <paramref name="index"/> of the list.</summary>
    public void BindBlob(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, _numbers[index - 1], value));

    /// <summary>Runs the statement to completion and returns how many rows it changed.</summary>
    public int Execute()
    {
        try
        {
            int result;
            while ((result = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            if (result != raw.SQLITE_DONE)
            {
                throw Failure(result);
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw Failure(result);
        }
    }

    // The same exception the driver throws, so outage detection and callers see no difference.
    private SqliteException Failure(int result) =>
        new(raw.sqlite3_errmsg(_database).utf8_to_string() ?? $"SQLite error {result}", result, raw.sqlite3_extended_errcode(_database));
}
