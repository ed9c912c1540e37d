using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Grains.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Grains.Runtime.Tests.Support;

/// <summary>
/// A service provider with the runtime, every test grain, in-memory storage, the probes and a manual
/// clock. The runtime is not started unless a test starts it, so idle collection and reminder polling
/// only run when a test drives them.
/// </summary>
public sealed class GrainRuntimeHarness : IAsyncDisposable
{
    private GrainRuntimeHarness(ServiceProvider services, ManualTimeProvider clock)
    {
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public ManualTimeProvider Clock { get; }

    public GrainRuntime Runtime => Services.GetRequiredService<GrainRuntime>();

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public InMemoryGrainStateStore Store => Services.GetRequiredService<InMemoryGrainStateStore>();

    public IReminderTable Reminders => Services.GetRequiredService<IReminderTable>();

    public LifecycleProbe Lifecycle => Services.GetRequiredService<LifecycleProbe>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static GrainRuntimeHarness Create(
        Action<GrainRuntimeOptions>? options = null,
        Action<GrainRuntimeBuilder>? runtime = null,
        Action<IServiceCollection>? services = null,
        ManualTimeProvider? clock = null)
    {
        clock ??= new ManualTimeProvider();
        var collection = new ServiceCollection();

        // Before UseInMemoryStorage, so a test's own store or table wins over the defaults.
        services?.Invoke(collection);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<LifecycleProbe>();
        collection.AddSingleton<TurnProbe>();
        collection.AddSingleton<TimerProbe>();
        collection.AddSingleton<ReminderProbe>();
        collection.AddSingleton<FilterLog>();
        var builder = collection.AddGrainRuntime(options)
            .UseInMemoryStorage()
            .AddGrain<ICounterGrain, CounterGrain>()
            .AddGrain<IFlakyActivationGrain, FlakyActivationGrain>()
            .AddGrain<ISequentialGrain, SequentialGrain>()
            .AddGrain<ITimerGrain, TimerGrain>()
            .AddGrain<IReminderGrain, ReminderGrain>()
            .AddGrain<ITracedGrain, TracedGrain>()
            .AddGrain<IFilteredGrain, FilteredGrain>();
        runtime?.Invoke(builder);
        return new GrainRuntimeHarness(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), clock);
    }

    public async ValueTask DisposeAsync()
    {
        // Bounded, so that a test failing while a grain is stuck ends as a failure rather than a hang.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Runtime.StopAsync(deadline.Token);
        await Services.DisposeAsync();
    }
}
