using Npgsql;

namespace CustomerEngine.Storage.Postgres.Connections;

/// <summary>
/// Recognises a failure that says the server dropped a connection before anything was done on it:
/// an idle pooled connection that a server restart terminated (<c>57P01</c> admin shutdown,
/// <c>57P02</c> crash shutdown) or whose socket is gone. Such a connection fails on its first use
/// only, so a statement that changes nothing can be sent again on a fresh one. A failure to open a
/// connection (refused, timed out: the inner exception is the socket's or a time-out) is not
/// recognised, so an outage is not waited out twice.
/// </summary>
internal static class DroppedConnection
{
    public static bool Recognise(Exception failure) => failure switch
    {
        PostgresException refusal => refusal.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown,
        NpgsqlException { InnerException: IOException } => true,
        _ => false,
    };
}
