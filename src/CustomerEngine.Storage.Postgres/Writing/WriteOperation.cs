using Npgsql;

namespace CustomerEngine.Storage.Postgres.Writing;

/// <summary>
/// One caller's write, queued for the writer. It runs inside a transaction shared with other
/// callers' writes, and its caller learns the outcome only once that transaction has committed.
/// </summary>
/// <remarks>
/// Each operation is one statement that returns a result set (<c>RETURNING</c> or <c>SELECT</c>):
/// Npgsql gives no result set for a statement without rows, and results are paired with
/// operations by position. An expected rejection (a stale grain-state version) must show in the
/// result, never as an SQL error, because an error aborts the whole transaction.
/// </remarks>
internal abstract class WriteOperation(CancellationToken cancellationToken)
{
    /// <summary>Whether the transaction must hold <see cref="AdvisoryLocks.EventAppend"/> before this statement runs.</summary>
    public virtual bool AppendsEvents => false;

    /// <summary>Cancels the caller's task when it gave up before its write was taken into a commit.</summary>
    public bool CancelIfRequested()
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        Cancel(cancellationToken);
        return true;
    }

    /// <summary>The statement to run; called again, for a fresh command, if the write is retried.</summary>
    public abstract NpgsqlBatchCommand CreateCommand();

    /// <summary>Reads the statement's result set and keeps the caller's result or rejection until the commit.</summary>
    public abstract ValueTask ReadResultAsync(NpgsqlDataReader result);

    /// <summary>
    /// A statement to run after every operation's first statement, before the commit, when the
    /// result needs more (the version that made a write stale); <c>null</c> when it needs nothing.
    /// </summary>
    public virtual NpgsqlBatchCommand? CreateFollowUpCommand() => null;

    /// <summary>Reads the result set of <see cref="CreateFollowUpCommand"/>.</summary>
    public virtual ValueTask ReadFollowUpAsync(NpgsqlDataReader result) => ValueTask.CompletedTask;

    /// <summary>Reports the result (or the rejection) now that the transaction is committed.</summary>
    public abstract void Complete();

    /// <summary>Reports that the transaction failed, so nothing of this write was kept.</summary>
    public abstract void Fail(Exception reason);

    protected abstract void Cancel(CancellationToken token);
}
