using CustomerEngine.Storage.Erasure;

namespace CustomerEngine.Grains.Tests;

/// <summary>
/// The real store's erasure, paused once its transaction has committed and before the eraser goes
/// on to tell the merged visitors' activations: the window a concurrent event can fall into.
/// </summary>
public sealed class GatedErasure(ICustomerErasure store) : ICustomerErasure
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _proceed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Committed => _committed.Task;

    public void Proceed() => _proceed.TrySetResult();

    public async Task<ErasureRecord> EraseCustomerAsync(CustomerErasureRequest request, CancellationToken cancellationToken = default)
    {
        var record = await store.EraseCustomerAsync(request, cancellationToken);
        _committed.TrySetResult();
        await _proceed.Task;
        return record;
    }

    public Task<IReadOnlyList<ErasureRecord>> ReadErasuresAsync(string? subjectDigest, int limit, CancellationToken cancellationToken = default) =>
        store.ReadErasuresAsync(subjectDigest, limit, cancellationToken);
}
