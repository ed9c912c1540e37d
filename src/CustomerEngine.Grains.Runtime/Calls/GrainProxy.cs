using System.Reflection;
using CustomerEngine.Grains.Runtime.Activation;

namespace CustomerEngine.Grains.Runtime.Calls;

/// <summary>
/// The object behind every grain reference: implements the grain interface by turning each method call
/// into a call on the grain's activation. Not sealed because <see cref="DispatchProxy"/> derives from it.
/// </summary>
internal class GrainProxy : DispatchProxy
{
    private RegisteredGrainType _grainType = null!;
    private string _key = null!;

    // Remembering the activation spares the directory lookup on repeated calls through one reference.
    private GrainActivation? _activation;

    public static GrainProxy CreatePrototype(RegisteredGrainType grainType)
    {
        var prototype = (GrainProxy)Create(grainType.InterfaceType, typeof(GrainProxy));
        prototype._grainType = grainType;
        prototype._key = string.Empty;
        return prototype;
    }

    /// <summary>
    /// A reference for one key. Cloning the prototype copies the generated proxy type's own fields too,
    /// and is much cheaper than <see cref="DispatchProxy.Create(Type, Type)"/> on every GetGrain.
    /// </summary>
    public GrainProxy ForKey(string key)
    {
        var reference = (GrainProxy)MemberwiseClone();
        reference._key = key;
        reference._activation = null;
        return reference;
    }

    public GrainActivation ResolveActivation()
    {
        var activation = _activation;
        if (activation is null || activation.IsDeactivated)
        {
            activation = _grainType.GetOrAddActivation(_key);
            _activation = activation;
        }

        return activation;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return _grainType.GetMethod(targetMethod).InvokeFromProxy(this, args ?? []);
    }

    public override bool Equals(object? obj) =>
        obj is GrainProxy other && ReferenceEquals(other._grainType, _grainType) && string.Equals(other._key, _key, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(_grainType, StringComparer.Ordinal.GetHashCode(_key));

    public override string ToString() => $"{_grainType.InterfaceName} reference";
}
