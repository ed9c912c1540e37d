using CustomerEngine.Storage.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Tests.Connections;

public sealed class RawStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public RawStatementTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE pairs (a TEXT, b INTEGER);";
        create.ExecuteNonQuery();
    }

    [Fact]
    public void Values_bind_to_their_names_whatever_order_the_sql_mentions_them_in()
    {
        using var insert = new RawStatement(_connection, "INSERT INTO pairs (b, a) VALUES ($b, $a);", ["$a", "$b"]);

        insert.BindText(1, "first");
        insert.BindInt64(2, 42);
        Assert.Equal(1, insert.Execute());

        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT a, b FROM pairs;";
        using var row = read.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal("first", row.GetString(0));
        Assert.Equal(42, row.GetInt64(1));
    }

    [Fact]
    public void A_statement_with_a_parameter_left_out_of_the_names_is_refused_when_compiled()
    {
        // Left unbound, $b would silently be written as NULL on every execution.
        var refusal = Assert.Throws<InvalidOperationException>(() => new RawStatement(_connection, "INSERT INTO pairs (a, b) VALUES ($a, $b);", ["$a"]));

        Assert.Contains("other than $a", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_the_statement_does_not_have_is_refused_when_compiled()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => new RawStatement(_connection, "INSERT INTO pairs (a) VALUES ($a);", ["$a", "$b"]));

        Assert.Contains("$b", refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _connection.Dispose();
}
