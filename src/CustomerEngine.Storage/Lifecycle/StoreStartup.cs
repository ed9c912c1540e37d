namespace CustomerEngine.Storage.Lifecycle;

/// <summary>
/// A provider's start-up work (schema, connections, background writers), run once and shared by
/// every caller of <see cref="IEngineStore.InitializeAsync"/>: an attempt under way or finished is
/// joined, a failed or cancelled one may be retried (say the server was still starting), and once
/// <see cref="StopAsync"/> was called no attempt starts again.
/// </summary>
/// <param name="start">The start-up work; it runs on the thread pool.</param>
/// <param name="owner">The store type named when a stopped store is used.</param>
public sealed class StoreStartup(Func<Task> start, Type owner)
{
    private readonly Lock _gate = new();
    private Task? _attempt;
    private bool _stopped;

    /// <summary>Whether <see cref="StopAsync"/> was called.</summary>
    public bool Stopped => Volatile.Read(ref _stopped);

    /// <summary>Starts the work, or joins the attempt under way or finished.</summary>
    /// <exception cref="ObjectDisposedException">The store was stopped.</exception>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, owner);
            if (_attempt is null || _attempt.IsFaulted || _attempt.IsCanceled)
            {
                _attempt = Task.Run(start, CancellationToken.None);
            }

            return _attempt.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Stops further attempts and waits for one under way, so what it starts can be released.
    /// Returns false when the store was stopped already (there is nothing left to release).
    /// </summary>
    public async Task<bool> StopAsync()
    {
        Task? attempt;
        lock (_gate)
        {
            if (_stopped)
            {
                return false;
            }

            Volatile.Write(ref _stopped, true);
            attempt = _attempt;
        }

        if (attempt is not null)
        {
            try
            {
                await attempt.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Nothing was started by a failed attempt; its caller saw the exception already.
            }
        }

        return true;
    }
}
