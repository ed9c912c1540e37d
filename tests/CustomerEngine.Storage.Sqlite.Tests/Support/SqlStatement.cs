using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Tests.Support;

/// <summary>Runs one statement on a raw connection.</summary>
public static class SqlStatement
{
    /// <summary>Executes <paramref name="sql"/> and returns the first column of the first row, if any.</summary>
    public static object? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
