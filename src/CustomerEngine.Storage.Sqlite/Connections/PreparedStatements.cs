using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Connections;

/// <summary>
/// The commands of one connection, kept per SQL text so each statement is compiled once and then
/// only rebound; used by one thread at a time, like the connection itself.
/// </summary>
internal sealed class PreparedStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _bySql = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawStatement> _rawBySql = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>The command for <paramref name="sql"/>; its parameters are in the order of <paramref name="parameterNames"/>.</summary>
    public SqliteCommand Get(string sql, params ReadOnlySpan<string> parameterNames)
    {
        if (_bySql.TryGetValue(sql, out var command))
        {
            return command;
        }

        command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        _bySql.Add(sql, command);
        return command;
    }

    /// <summary>The raw statement for <paramref name="sql"/> (see <see cref="RawStatement"/>), compiled on first use.</summary>
    public RawStatement GetRaw(string sql, params ReadOnlySpan<string> parameterNames)
    {
        if (!_rawBySql.TryGetValue(sql, out var statement))
        {
            statement = new RawStatement(connection, sql, parameterNames);
            _rawBySql.Add(sql, statement);
        }

        return statement;
    }

    public void Dispose()
    {
        foreach (var command in _bySql.Values)
        {
            command.Dispose();
        }

        foreach (var statement in _rawBySql.Values)
        {
            statement.Dispose();
        }

        _bySql.Clear();
        _rawBySql.Clear();
    }
}
