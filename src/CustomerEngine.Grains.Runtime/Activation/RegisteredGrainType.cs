using System.Collections.Concurrent;
using System.Reflection;
using CustomerEngine.Grains.Runtime.Calls;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Grains.Runtime.Activation;

/// <summary>
/// A grain interface registered in one runtime: how to create its instances, its methods, the
/// directory of its live activations and the prototype its references are cloned from.
/// </summary>
internal sealed class RegisteredGrainType
{
    private readonly ConcurrentDictionary<string, GrainActivation> _activations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<MethodInfo, GrainMethod> _methods = new();
    private readonly ObjectFactory _instanceFactory;
    private readonly bool _constructorTakesContext;
    private readonly GrainProxy _referencePrototype;

    public RegisteredGrainType(GrainRuntime runtime, GrainRegistration registration)
    {
        Runtime = runtime;
        InterfaceType = registration.InterfaceType;
        ImplementationType = registration.ImplementationType;
        TypeName = InterfaceType.FullName ?? InterfaceType.Name;
        InterfaceName = InterfaceType.Name;
        MetricTags = [new(GrainRuntimeTelemetry.InterfaceTagName, InterfaceName)];

        _constructorTakesContext = ImplementationType.GetConstructors()
            .Any(constructor => constructor.GetParameters().Any(parameter => parameter.ParameterType == typeof(IGrainContext)));
        _instanceFactory = ActivatorUtilities.CreateFactory(
            ImplementationType,
            _constructorTakesContext ? [typeof(IGrainContext)] : Type.EmptyTypes);

        foreach (var method in GrainInterfaceContract.GetMethods(InterfaceType))
        {
            _methods[method] = GrainMethod.Create(this, method);
        }

        IsRemindable = typeof(IRemindable).IsAssignableFrom(ImplementationType);
        if (IsRemindable)
        {
            var receive = typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminderAsync))!;
            ReminderMethod = (GrainMethod<object?>)_methods.GetOrAdd(receive, static (method, type) => GrainMethod.Create(type, method), this);
        }

        _referencePrototype = GrainProxy.CreatePrototype(this);
    }

    public GrainRuntime Runtime { get; }

    /// <summary>
    /// Guards the timer lists of all activations of this type. Timers are registered and removed
    /// rarely, so one lock per type costs no contention and saves a lock object in every activation.
    /// </summary>
    public Lock TimersLock { get; } = new();

    public Type InterfaceType { get; }

    public Type ImplementationType { get; }

    /// <summary>The stable name used in storage and reminder tables: the interface's full name.</summary>
    public string TypeName { get; }

    /// <summary>The interface's short name, used in span names and telemetry tags.</summary>
    public string InterfaceName { get; }

    public KeyValuePair<string, object?>[] MetricTags { get; }

    public bool IsRemindable { get; }

    public GrainMethod<object?>? ReminderMethod { get; }

    public GrainProxy CreateReference(string key) => _referencePrototype.ForKey(key);

    public GrainMethod GetMethod(MethodInfo interfaceMethod) =>
        _methods.TryGetValue(interfaceMethod, out var method)
            ? method
            // Only reached if the proxy hands over a MethodInfo instance not seen at registration
            // (e.g. a different reflected type); it was validated as part of the interface already.
            : _methods.GetOrAdd(interfaceMethod, static (method, type) => GrainMethod.Create(type, method), this);

    /// <summary>The live activation of <paramref name="key"/>, without creating one.</summary>
    public bool TryGetActivation(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GrainActivation? activation) =>
        _activations.TryGetValue(key, out activation);

    public GrainActivation GetOrAddActivation(string key)
    {
        if (_activations.TryGetValue(key, out var activation))
        {
            return activation;
        }

        Runtime.ThrowIfNotAcceptingActivations();
        return _activations.GetOrAdd(key, static (key, type) => new GrainActivation(type, key), this);
    }

    public void RemoveActivation(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<string, GrainActivation>(activation.GrainKey, activation));

    /// <summary>The activations in the directory; enumerating does not lock and may miss concurrent changes.</summary>
    public IEnumerable<GrainActivation> Activations
    {
        get
        {
            foreach (var pair in _activations)
            {
                yield return pair.Value;
            }
        }
    }

    public Grain CreateInstance(IServiceProvider services, GrainActivation activation) =>
        (Grain)_instanceFactory(services, _constructorTakesContext ? [activation] : null);

    public Task FireReminderAsync(string key, string reminderName, DateTimeOffset dueAt)
    {
        if (ReminderMethod is null)
        {
            throw new InvalidOperationException(
                $"{ImplementationType.Name} has a reminder but does not implement {nameof(IRemindable)}.");
        }

        return GetOrAddActivation(key).InvokeAsync(ReminderMethod, [reminderName, dueAt]);
    }
}
