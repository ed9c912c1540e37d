using System.Text;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Grains.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Runtime.Tests.Hosting;

public sealed class GenericHostTests
{
    private static IHost BuildHost(Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<LifecycleProbe>();
        services?.Invoke(builder.Services);
        builder.Services.AddGrainRuntime()
            .UseInMemoryStorage()
            .AddGrain<ICounterGrain, CounterGrain>();
        return builder.Build();
    }

    [Fact]
    public async Task Host_shutdown_deactivates_every_activation_with_RuntimeShutdown_so_grains_can_flush_state()
    {
        using var host = BuildHost();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        foreach (var key in new[] { "a", "b", "c" })
        {
            await grains.GetGrain<ICounterGrain>(key).IncrementAsync();
        }

        await host.StopAsync();

        var probe = host.Services.GetRequiredService<LifecycleProbe>();
        var store = host.Services.GetRequiredService<IGrainStateStore>();
        foreach (var key in new[] { "a", "b", "c" })
        {
            Assert.Equal(DeactivationReason.RuntimeShutdown, await probe.WhenDeactivationFinishedAsync(key));
            var stored = await store.ReadAsync(new GrainStateId(typeof(ICounterGrain).FullName!, key, CounterGrain.StateName));
            Assert.Equal("""{"count":1}""", Encoding.UTF8.GetString(stored!.Data));
        }

        Assert.Equal(0, host.Services.GetRequiredService<GrainRuntime>().ActivationCount);
    }

    [Fact]
    public async Task After_shutdown_calls_to_inactive_grains_fail_instead_of_creating_activations()
    {
        using var host = BuildHost();
        await host.StartAsync();
        await host.StopAsync();

        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("late");

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.IncrementAsync());
        Assert.Equal(0, host.Services.GetRequiredService<GrainRuntime>().ActivationCount);
    }

    [Fact]
    public void Runtime_is_the_grain_factory_and_a_hosted_service_and_uses_the_registered_clock_and_options()
    {
        var clock = new Support.ManualTimeProvider();
        using var host = BuildHost(services => services
            .AddSingleton<TimeProvider>(clock)
            .Configure<GrainRuntimeOptions>(options => options.CollectionAge = TimeSpan.FromMinutes(3)));

        var runtime = host.Services.GetRequiredService<GrainRuntime>();

        Assert.Same(runtime, host.Services.GetRequiredService<IGrainFactory>());
        Assert.Contains(runtime, host.Services.GetServices<IHostedService>());
        Assert.Same(clock, runtime.Clock);
        Assert.Equal(TimeSpan.FromMinutes(3), host.Services.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value.CollectionAge);
    }
}
