using BenchmarkDotNet.Attributes;
using CustomerEngine.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Benchmarks;

/// <summary>
/// Calls through the runtime (proxy, activation lookup, turn, telemetry hooks) to 100,000
/// distinct, already active keys, from several concurrent callers. One operation = one call.
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private const int Keys = 100_000;
    private const int Calls = 1_000_000;
    private ServiceProvider _services = null!;
    private IGrainFactory _grains = null!;
    private string[] _keys = null!;

    [Params(4)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGrainRuntime().AddGrain<ICounterGrain, CounterGrain>().UseInMemoryStorage();
        _services = services.BuildServiceProvider();
        _grains = _services.GetRequiredService<IGrainFactory>();
        _keys = [.. Enumerable.Range(0, Keys).Select(k => $"customer-{k}")];
        Task.WhenAll(_keys.Select(k => _grains.GetGrain<ICounterGrain>(k).IncrementAsync())).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Calls)]
    public Task CallsToDistinctKeys() =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            // A stride coprime with the key count visits every key in a scattered order.
            var index = caller * (Keys / Callers);
            for (var i = 0; i < Calls / Callers; i++)
            {
                index = (index + 7919) % Keys;
                await _grains.GetGrain<ICounterGrain>(_keys[index]).IncrementAsync();
            }
        })));
}
