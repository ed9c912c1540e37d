using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Customers;

namespace CustomerEngine.Storage.Conformance;

/// <summary>
/// The base of every conformance class: each test gets a fresh, empty store from the provider,
/// initialized by the suite, and disposed (and cleaned up) after the test.
/// </summary>
/// <remarks>
/// A provider's test project derives one concrete class from each conformance class and
/// overrides <see cref="CreateStorage"/> with its <see cref="IConformanceStorage"/>.
/// </remarks>
public abstract class EngineStoreConformanceBase : IAsyncLifetime
{
    private IConformanceStorage? _storage;
    private IEngineStore? _store;

    /// <summary>The store under test, initialized.</summary>
    protected IEngineStore Store => _store ?? throw new InvalidOperationException("The store is created before each test.");

    /// <summary>The store as a customer index (its <c>ReadDueAsync</c> shares a signature with the reminder table's).</summary>
    protected ICustomerIndex CustomerIndex => Store;

    /// <summary>The store as a reminder table (its <c>ReadDueAsync</c> shares a signature with the customer index's).</summary>
    protected IReminderTable ReminderTable => Store;

    /// <summary>Fresh, empty storage for the next test.</summary>
    protected abstract IConformanceStorage CreateStorage();

    /// <inheritdoc />
    async Task IAsyncLifetime.InitializeAsync()
    {
        _storage = CreateStorage();
        _store = await _storage.CreateStoreAsync();
        await _store.InitializeAsync();
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.DisposeAsync()
    {
        switch (_store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }

        _store = null;
        if (_storage is { } storage)
        {
            _storage = null;
            await storage.DisposeAsync();
        }
    }
}
