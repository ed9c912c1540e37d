namespace CustomerEngine.Storage.Postgres.Writing;

/// <summary>A queued write whose caller awaits a <typeparamref name="TResult"/>.</summary>
internal abstract class WriteOperation<TResult>(CancellationToken cancellationToken) : WriteOperation(cancellationToken)
{
    // Continuations run elsewhere so a caller's code never runs on, and never stalls, the writer.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;
    private Exception? _rejection;

    public Task<TResult> Completion => _completion.Task;

    public sealed override void Complete()
    {
        if (_rejection is not null)
        {
            _completion.TrySetException(_rejection);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }

    public sealed override void Fail(Exception reason) => _completion.TrySetException(reason);

    protected sealed override void Cancel(CancellationToken token) => _completion.TrySetCanceled(token);

    /// <summary>What the caller gets if the transaction commits; replaces an earlier attempt's outcome.</summary>
    protected void Succeed(TResult result)
    {
        _result = result;
        _rejection = null;
    }

    /// <summary>What the caller is told if the transaction commits: this write was refused and changed nothing.</summary>
    protected void Reject(Exception reason)
    {
        _result = default;
        _rejection = reason;
    }
}
