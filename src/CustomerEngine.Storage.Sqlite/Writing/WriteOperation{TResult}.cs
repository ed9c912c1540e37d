using CustomerEngine.Storage.Sqlite.Connections;

namespace CustomerEngine.Storage.Sqlite.Writing;

/// <summary>A queued write whose caller awaits a <typeparamref name="TResult"/>.</summary>
internal abstract class WriteOperation<TResult>(CancellationToken cancellationToken) : WriteOperation(cancellationToken)
{
    // Continuations run elsewhere so a caller's code never runs on, and never stalls, the writer.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;
    private Exception? _rejection;

    public Task<TResult> Completion => _completion.Task;

    public sealed override void Execute(PreparedStatements statements) => _result = Apply(statements);

    public sealed override void Reject(Exception reason) => _rejection = reason;

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

    /// <summary>Does the write with the writer's statements and returns what the caller gets.</summary>
    protected abstract TResult Apply(PreparedStatements statements);
}
