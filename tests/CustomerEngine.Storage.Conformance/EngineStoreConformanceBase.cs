using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Customers;

namespace CustomerEngine.Storage.Conformance;

/// <summary>
/// The base of every conformance class: each test gets a fresh, empty store from the provider,
/// initialized by the suite, and disposed (and cleaned up) after the test.
/// </summary>
/// <remarks>
/// A provider's test project derives one concrete class from each conformance class and
/// overrides <see cref="CreateStoreAsync"/> (and <see cref="DisposeStoreAsync"/> when it has
/// files, databases or schemas to remove).
/// </remarks>
public abstract class EngineStoreConformanceBase : IAsyncLifetime
{
    private IEngineStore? _store;

    /// <summary>The store under test, initialized.</summary>
    protected IEngineStore Store => _store ?? throw new InvalidOperationException("The store is created before each test.");

    /// <summary>The store as a customer index (its <c>ReadDueAsync</c> shares a signature with the reminder table's).</summary>
    protected ICustomerIndex CustomerIndex => Store;

    /// <summary>The store as a reminder table (its <c>ReadDueAsync</c> shares a signature with the customer index's).</summary>
    protected IReminderTable ReminderTable => Store;

    /// <summary>Creates a store over fresh, empty storage. The suite calls <see cref="IEngineStore.InitializeAsync"/> on it.</summary>
    protected abstract Task<IEngineStore> CreateStoreAsync();

    /// <summary>Releases a store made by <see cref="CreateStoreAsync"/>; by default disposes it if it is disposable.</summary>
    /// <param name="store">The store to release.</param>
    protected virtual async Task DisposeStoreAsync(IEngineStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.InitializeAsync();
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_store is { } store)
        {
            _store = null;
            await DisposeStoreAsync(store);
        }
    }
}
