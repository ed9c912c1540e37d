using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using CustomerEngine.Grains.Runtime.Activation;
using CustomerEngine.Grains.Runtime.Calls;
using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Runtime;

/// <summary>
/// The in-process grain runtime: hands out grain references, owns all activations, collects idle
/// ones and delivers reminders. Registered as a singleton (also as <see cref="IGrainFactory"/> and as
/// a hosted service) by <c>AddGrainRuntime</c>.
/// </summary>
/// <remarks>
/// Calls work as soon as the runtime is resolved; <see cref="StartAsync"/> adds idle collection and
/// reminder polling. <see cref="StopAsync"/> (run by the host on shutdown) stops both, then deactivates
/// every activation with <see cref="DeactivationReason.RuntimeShutdown"/>; from then on no activation is
/// created and calls to grains that are not active fail with <see cref="InvalidOperationException"/>.
/// A stopped runtime cannot be started again.
/// </remarks>
public sealed class GrainRuntime : IGrainFactory, IHostedService, IAsyncDisposable
{
    private readonly FrozenDictionary<Type, RegisteredGrainType> _grainTypesByInterface;
    private readonly FrozenDictionary<string, RegisteredGrainType> _grainTypesByName;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lifecycleLock = new();
    private readonly IdleActivationCollector _collector;
    private readonly ReminderPoller? _reminderPoller;
    private bool _started;
    private volatile bool _rejectingActivations;
    private Task? _stopTask;
    private int _disposed;
    private int _activationCount;

    internal GrainRuntime(IServiceProvider services)
    {
        Options = services.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;
        ValidateOptions(Options);
        Clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        Logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<GrainRuntime>();
        ScopeFactory = services.GetRequiredService<IServiceScopeFactory>();
        ReminderTable = services.GetService<IReminderTable>();
        Instruments = new GrainRuntimeInstruments(services.GetService<IMeterFactory>());
        CallPipeline = new GrainCallPipeline([.. services.GetServices<IGrainCallFilter>()], Instruments);

        var grainTypes = new Dictionary<Type, RegisteredGrainType>();
        foreach (var registration in services.GetServices<GrainRegistration>())
        {
            if (grainTypes.ContainsKey(registration.InterfaceType))
            {
                throw new InvalidOperationException($"{registration.InterfaceType.FullName} is registered with AddGrain more than once.");
            }

            grainTypes.Add(registration.InterfaceType, new RegisteredGrainType(this, registration));
        }

        _grainTypesByInterface = grainTypes.ToFrozenDictionary();
        _grainTypesByName = grainTypes.Values.ToFrozenDictionary(type => type.TypeName, StringComparer.Ordinal);
        GrainTypes = [.. grainTypes.Values];
        _collector = new IdleActivationCollector(this);
        _reminderPoller = ReminderTable is null ? null : new ReminderPoller(this, ReminderTable, services.GetService<IReminderClaimFilter>());
    }

    /// <summary>Number of activations currently alive (activated and not yet deactivated).</summary>
    public int ActivationCount => Volatile.Read(ref _activationCount);

    internal GrainRuntimeOptions Options { get; }

    internal TimeProvider Clock { get; }

    internal ILogger Logger { get; }

    internal IServiceScopeFactory ScopeFactory { get; }

    internal IReminderTable? ReminderTable { get; }

    internal GrainRuntimeInstruments Instruments { get; }

    internal GrainCallPipeline CallPipeline { get; }

    internal IReadOnlyList<RegisteredGrainType> GrainTypes { get; }

    /// <summary>Cancelled when the runtime starts stopping; handed to OnActivateAsync.</summary>
    internal CancellationToken StoppingToken => _stopping.Token;

    internal IdleActivationCollector IdleCollector => _collector;

    internal ReminderPoller? ReminderPoller => _reminderPoller;

    /// <inheritdoc />
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrain
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_grainTypesByInterface.TryGetValue(typeof(TGrain), out var grainType))
        {
            throw new InvalidOperationException(
                $"No grain implementation is registered for {typeof(TGrain).FullName}; call AddGrain<{typeof(TGrain).Name}, TImplementation>().");
        }

        return (TGrain)(object)grainType.CreateReference(key);
    }

    /// <summary>
    /// Whether this runtime holds an activation of <typeparamref name="TGrain"/> with
    /// <paramref name="key"/> now, without creating one. For readers that must not pull a grain
    /// onto this node when another node sharing the store may serve it.
    /// </summary>
    public bool IsActive<TGrain>(string key) where TGrain : IGrain
    {
        ArgumentNullException.ThrowIfNull(key);
        return _grainTypesByInterface.TryGetValue(typeof(TGrain), out var grainType) && grainType.TryGetActivation(key, out _);
    }

    /// <summary>
    /// Deactivates the activation of <typeparamref name="TGrain"/> with <paramref name="key"/> once its
    /// current turn ends, if there is one, without creating one; the next call activates it afresh.
    /// For a grain whose state changed outside this runtime (another node sharing the store).
    /// </summary>
    /// <returns>Whether there was an activation to deactivate.</returns>
    public async Task<bool> DeactivateIfActiveAsync<TGrain>(string key, DeactivationReason reason, CancellationToken cancellationToken = default) where TGrain : IGrain
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_grainTypesByInterface.TryGetValue(typeof(TGrain), out var grainType) || !grainType.TryGetActivation(key, out var activation))
        {
            return false;
        }

        await activation.DeactivateAsync(reason, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Starts idle collection and, when an <see cref="IReminderTable"/> is registered, reminder polling.</summary>
    /// <exception cref="InvalidOperationException">The runtime has been stopped.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lifecycleLock)
        {
            if (_stopTask is not null)
            {
                throw new InvalidOperationException("A stopped grain runtime cannot be started again.");
            }

            if (_started)
            {
                return Task.CompletedTask;
            }

            _started = true;

            // The background loops must not carry the starter's async-locals for the runtime's lifetime.
            using (ExecutionContext.IsFlowSuppressed() ? default(AsyncFlowControl?) : ExecutionContext.SuppressFlow())
            {
                _collector.Start();
                _reminderPoller?.Start();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops idle collection and reminder polling (waiting for reminders being delivered), then
    /// deactivates every activation with <see cref="DeactivationReason.RuntimeShutdown"/>. Calling it
    /// again waits for the first stop.
    /// </summary>
    /// <param name="cancellationToken">
    /// The host's shutdown deadline: it is passed to <see cref="Grain.OnDeactivateAsync"/>, and once it
    /// fires, activations whose turn is still busy are abandoned instead of awaited.
    /// </param>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? running;
        lock (_lifecycleLock)
        {
            running = _stopTask;
            _stopTask ??= stopped.Task;
        }

        if (running is not null)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await StopCoreAsync(cancellationToken).ConfigureAwait(false);
            stopped.SetResult();
        }
        catch (Exception exception)
        {
            stopped.SetException(exception);
            throw;
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        await _collector.StopAsync().ConfigureAwait(false);
        if (_reminderPoller is not null)
        {
            // Before refusing activations, so reminders being delivered can still reach their grains.
            await _reminderPoller.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        _rejectingActivations = true;
        await _stopping.CancelAsync().ConfigureAwait(false);

        // Repeated because an activation can be added concurrently with the first pass; no new ones
        // can be activated now, so the directory empties.
        while (!cancellationToken.IsCancellationRequested)
        {
            var deactivations = GrainTypes
                .SelectMany(grainType => grainType.Activations)
                .Select(activation => activation.DeactivateAsync(DeactivationReason.RuntimeShutdown, cancellationToken))
                .ToList();
            if (deactivations.Count == 0)
            {
                break;
            }

            await Task.WhenAll(deactivations).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the runtime if it has not been stopped (see <see cref="StopAsync"/>) and releases its resources.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Instruments.Dispose();
        _stopping.Dispose();
    }

    internal bool TryGetGrainType(string typeName, [NotNullWhen(true)] out RegisteredGrainType? grainType) =>
        _grainTypesByName.TryGetValue(typeName, out grainType);

    internal void ThrowIfNotAcceptingActivations()
    {
        if (_rejectingActivations)
        {
            throw new InvalidOperationException("The grain runtime is shutting down; grains that are not active can no longer be called.");
        }
    }

    internal void OnActivated(RegisteredGrainType grainType)
    {
        Interlocked.Increment(ref _activationCount);
        Instruments.ActivationCreated(grainType);
    }

    internal void OnDeactivated(RegisteredGrainType grainType, DeactivationReason reason)
    {
        Interlocked.Decrement(ref _activationCount);
        Instruments.ActivationDeactivated(grainType, reason);
    }

    private static void ValidateOptions(GrainRuntimeOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CollectionAge, TimeSpan.Zero, "GrainRuntimeOptions.CollectionAge");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CollectionQuantum, TimeSpan.Zero, "GrainRuntimeOptions.CollectionQuantum");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ReminderPollInterval, TimeSpan.Zero, "GrainRuntimeOptions.ReminderPollInterval");
        ArgumentNullException.ThrowIfNull(options.StateSerializerOptions, "GrainRuntimeOptions.StateSerializerOptions");
    }
}
