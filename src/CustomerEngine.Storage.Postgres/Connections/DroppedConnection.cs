using Npgsql;

namespace CustomerEngine.Storage.Postgres.Connections;

/// <summary>
/// Recognises a failure that says the server dropped the connection: typically an idle pooled
/// connection that a server restart terminated (<c>57P01</c> admin shutdown, <c>57P02</c> crash
/// shutdown) or whose socket is gone. Such a connection fails on its first use, and a fresh one may
/// well succeed, so a statement that changes nothing can be sent again. A failure to open a
/// connection (refused, timed out: the inner exception is the socket's or a time-out) is not
/// recognised, so an outage is not waited out twice.
/// </summary>
internal static class DroppedConnection
{
    private static bool Recognise(Exception failure) => failure switch
    {
        PostgresException refusal => refusal.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown,
        NpgsqlException { InnerException: IOException } => true,
        _ => false,
    };

    /// <summary>
    /// Runs <paramref name="read"/>, and once more after emptying the pool when it met a dropped
    /// connection: after a server restart the pool still holds every connection the server closed,
    /// and a read, which changes nothing, may safely be asked again.
    /// </summary>
    public static async Task<T> ReadAgainOnceAsync<T>(NpgsqlDataSource dataSource, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception failure) when (Recognise(failure))
        {
            dataSource.Clear();
            return await read().ConfigureAwait(false);
        }
    }
}
