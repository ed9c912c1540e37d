using System.Reflection;

namespace CustomerEngine.Grains.Runtime;

/// <summary>One grain call as seen by <see cref="IGrainCallFilter"/>s.</summary>
public sealed class GrainCallContext
{
    internal GrainCallContext(IGrain grain, string grainKey, Type interfaceType, MethodInfo interfaceMethod, object?[] arguments)
    {
        Grain = grain;
        GrainKey = grainKey;
        InterfaceType = interfaceType;
        InterfaceMethod = interfaceMethod;
        Arguments = arguments;
    }

    /// <summary>The grain instance being called.</summary>
    public IGrain Grain { get; }

    /// <summary>The grain's key. It identifies a customer; do not put it in telemetry.</summary>
    public string GrainKey { get; }

    /// <summary>The grain interface the grain was called through.</summary>
    public Type InterfaceType { get; }

    /// <summary>The interface method being called (possibly declared on a base interface).</summary>
    public MethodInfo InterfaceMethod { get; }

    /// <summary>The call's arguments; replacing an element before calling <c>next</c> changes what the grain receives.</summary>
    public object?[] Arguments { get; }

    /// <summary>
    /// The method's result once <c>next</c> has completed (null for methods returning Task or ValueTask).
    /// A filter that short-circuits sets it to a value of the method's result type.
    /// </summary>
    public object? Result { get; set; }
}
