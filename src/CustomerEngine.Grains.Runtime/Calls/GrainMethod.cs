using System.Reflection;
using CustomerEngine.Grains.Runtime.Activation;

namespace CustomerEngine.Grains.Runtime.Calls;

/// <summary>
/// Everything about one interface method of one registered grain type that the call path needs,
/// computed once: the compiled invoker, the span name, the telemetry tags, interleaving.
/// </summary>
internal abstract class GrainMethod
{
    protected GrainMethod(RegisteredGrainType grainType, MethodInfo interfaceMethod, GrainMethodReturnKind returnKind)
    {
        GrainType = grainType;
        InterfaceMethod = interfaceMethod;
        ReturnKind = returnKind;
        ReturnsValue = returnKind is GrainMethodReturnKind.TaskOfResult or GrainMethodReturnKind.ValueTaskOfResult;
        IsInterleaved = interfaceMethod.IsDefined(typeof(InterleavedAttribute), inherit: false);
        SpanName = $"{grainType.InterfaceName}/{interfaceMethod.Name}";
        MetricTags =
        [
            new(GrainRuntimeTelemetry.InterfaceTagName, grainType.InterfaceName),
            new(GrainRuntimeTelemetry.MethodTagName, interfaceMethod.Name),
        ];
    }

    public RegisteredGrainType GrainType { get; }

    public MethodInfo InterfaceMethod { get; }

    public GrainMethodReturnKind ReturnKind { get; }

    /// <summary>False for Task/ValueTask methods, whose internal result is always null.</summary>
    public bool ReturnsValue { get; }

    public bool IsInterleaved { get; }

    /// <summary><c>{InterfaceName}/{MethodName}</c>; deliberately without the key, which is a customer id.</summary>
    public string SpanName { get; }

    public KeyValuePair<string, object?>[] MetricTags { get; }

    /// <summary>Runs the call for a proxy and returns what the interface method declares (a Task or a boxed ValueTask).</summary>
    public abstract object InvokeFromProxy(GrainProxy proxy, object?[] arguments);

    public static GrainMethod Create(RegisteredGrainType grainType, MethodInfo interfaceMethod)
    {
        var kind = GrainInterfaceContract.GetReturnKind(interfaceMethod, out var resultType);
        var methodType = typeof(GrainMethod<>).MakeGenericType(resultType);
        return (GrainMethod)Activator.CreateInstance(methodType, grainType, interfaceMethod, kind)!;
    }
}
