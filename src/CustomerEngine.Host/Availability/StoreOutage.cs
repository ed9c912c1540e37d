using System.Globalization;
using System.Net.Sockets;
using CustomerEngine.Host.Problems;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerEngine.Host.Availability;

/// <summary>
/// Tells a store that cannot be reached right now (the database is down or restarting, out of
/// connections, or its file is held by another process) from a bug, and answers the first with a
/// 503 problem+json and <c>Retry-After</c>: the request was not acknowledged, so the caller still
/// holds it and sends it again. Everything else stays a 500.
/// </summary>
public static class StoreOutage
{
    /// <summary>What a caller is told to wait before sending the request again: long enough not to hammer a database that is restarting.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // SQLite's primary result codes for a file that is locked by another process or cannot be
    // written (a full or failing disk, a file made read-only): conditions of the machine, not bugs.
    private static readonly int[] SqliteUnavailableCodes = [5 /* BUSY */, 6 /* LOCKED */, 8 /* READONLY */, 10 /* IOERR */, 13 /* FULL */, 14 /* CANTOPEN */];

    // PostgreSQL's error classes for the same: 08 connection exception, 53 insufficient resources,
    // 57 operator intervention (shutdown, starting up), 58 system error (I/O).
    private static readonly string[] PostgresUnavailableClasses = ["08", "53", "57", "58"];

    /// <summary>Whether <paramref name="exception"/>, or an exception inside it, says the store is unreachable.</summary>
    public static bool IsOutage(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Any(IsOutage);
            }

            if (IsUnavailability(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The 503 answer: problem+json naming the store, with <c>Retry-After</c> set on <paramref name="context"/>'s response.</summary>
    public static IResult Refuse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = (int)Math.Ceiling(RetryAfter.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblem.For(
            StatusCodes.Status503ServiceUnavailable, "Store unavailable", "store",
            $"The engine cannot reach its store right now, so nothing of this request was acknowledged. Send it again in {seconds} s: events already stored are recognised by their eventId and not stored twice.");
    }

    private static bool IsUnavailability(Exception exception) => exception switch
    {
        PostgresException refusal => refusal.SqlState.Length >= 2 && PostgresUnavailableClasses.Contains(refusal.SqlState[..2], StringComparer.Ordinal),

        // No answer from the server at all: refused, dropped or timed-out connections.
        NpgsqlException failure => failure.IsTransient,
        SqliteException failure => SqliteUnavailableCodes.Contains(failure.SqliteErrorCode),
        SocketException => true,
        _ => false,
    };
}
