using CustomerEngine.Grains.Runtime.Activation;
using CustomerEngine.Grains.Runtime.Calls;
using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Grains.Runtime;

/// <summary>Configures the grain runtime registered by <c>AddGrainRuntime</c>.</summary>
public sealed class GrainRuntimeBuilder
{
    internal GrainRuntimeBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the runtime is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers <typeparamref name="TImplementation"/> as the grain behind <typeparamref name="TInterface"/>.
    /// Instances are created per activation through dependency injection, inside a service scope that
    /// lives as long as the activation.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="TInterface"/> breaks the grain interface rules (see <see cref="IGrain"/>) or <typeparamref name="TImplementation"/> is abstract.</exception>
    public GrainRuntimeBuilder AddGrain<TInterface, TImplementation>()
        where TInterface : IGrain
        where TImplementation : Grain, TInterface
    {
        _ = GrainInterfaceContract.GetMethods(typeof(TInterface));
        if (typeof(TImplementation).IsAbstract)
        {
            throw new ArgumentException($"{typeof(TImplementation).FullName} is abstract; register a concrete grain class.");
        }

        Services.AddSingleton(new GrainRegistration(typeof(TInterface), typeof(TImplementation)));
        return this;
    }

    /// <summary>
    /// Adds a call filter as a singleton. Filters run in the order they were added (filters registered
    /// directly as <see cref="IGrainCallFilter"/> services take part in the same order); adding the same
    /// type twice has no effect.
    /// </summary>
    public GrainRuntimeBuilder AddCallFilter<TFilter>() where TFilter : class, IGrainCallFilter
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGrainCallFilter, TFilter>());
        return this;
    }

    /// <summary>
    /// Stores grain state in an <see cref="InMemoryGrainStateStore"/> and reminders in an
    /// <see cref="InMemoryReminderTable"/> (both also resolvable by their concrete types), unless a store
    /// or table is already registered.
    /// </summary>
    public GrainRuntimeBuilder UseInMemoryStorage()
    {
        Services.TryAddSingleton<InMemoryGrainStateStore>();
        Services.TryAddSingleton<IGrainStateStore>(services => services.GetRequiredService<InMemoryGrainStateStore>());
        Services.TryAddSingleton<InMemoryReminderTable>();
        Services.TryAddSingleton<IReminderTable>(services => services.GetRequiredService<InMemoryReminderTable>());
        return this;
    }
}
