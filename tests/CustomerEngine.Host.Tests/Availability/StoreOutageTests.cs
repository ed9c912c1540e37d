using System.Net.Sockets;
using CustomerEngine.Host.Availability;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerEngine.Host.Tests.Availability;

public sealed class StoreOutageTests
{
    public static TheoryData<Exception> Outages => new()
    {
        new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"),
        new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"),
        new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"),
        new SqliteException("database is locked", 5),
        new SqliteException("disk I/O error", 10),
        new InvalidOperationException("applying failed", new SqliteException("database is locked", 5)),
        new AggregateException(new InvalidOperationException("other"), new SocketException((int)SocketError.ConnectionReset)),
    };

    public static TheoryData<Exception> Bugs => new()
    {
        new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"),
        new PostgresException("syntax error", "ERROR", "ERROR", "42601"),
        new SqliteException("SQL logic error", 1),
        new SqliteException("UNIQUE constraint failed", 19),
        new InvalidOperationException("a bug"),
        new ObjectDisposedException("store"),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void An_unreachable_or_locked_store_is_an_outage(Exception exception) => Assert.True(StoreOutage.IsOutage(exception));

    [Theory]
    [MemberData(nameof(Bugs))]
    public void A_refused_statement_or_a_bug_is_not_an_outage(Exception exception) => Assert.False(StoreOutage.IsOutage(exception));
}
