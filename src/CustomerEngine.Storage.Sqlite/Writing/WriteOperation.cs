using CustomerEngine.Storage.Sqlite.Connections;

namespace CustomerEngine.Storage.Sqlite.Writing;

/// <summary>
/// One caller's write, queued for the writer. It runs inside a transaction shared with other
/// callers' writes, and its caller learns the outcome only once that transaction has committed.
/// </summary>
internal abstract class WriteOperation(CancellationToken cancellationToken)
{
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

    /// <summary>Applies the write inside the open transaction; throwing rejects this write only.</summary>
    public abstract void Execute(PreparedStatements statements);

    /// <summary>Remembers why this write was rejected; its part of the transaction has been rolled back.</summary>
    public abstract void Reject(Exception reason);

    /// <summary>Reports the result (or the rejection) now that the transaction is durable.</summary>
    public abstract void Complete();

    /// <summary>Reports that the whole transaction failed, so nothing of this write was kept.</summary>
    public abstract void Fail(Exception reason);

    protected abstract void Cancel(CancellationToken token);
}
