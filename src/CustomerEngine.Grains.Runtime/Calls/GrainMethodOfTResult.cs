using System.Reflection;
using CustomerEngine.Grains.Runtime.Activation;

namespace CustomerEngine.Grains.Runtime.Calls;

/// <summary>A <see cref="GrainMethod"/> whose calls complete with <typeparamref name="TResult"/> (null object for methods without a result).</summary>
internal sealed class GrainMethod<TResult> : GrainMethod
{
    public GrainMethod(RegisteredGrainType grainType, MethodInfo interfaceMethod, GrainMethodReturnKind returnKind)
        : base(grainType, interfaceMethod, returnKind)
    {
        Invoker = GrainMethodInvokerCompiler.GetInvoker<TResult>(interfaceMethod, returnKind);
    }

    /// <summary>Calls the method on a grain instance; the instance must implement the method's interface.</summary>
    public Func<object, object?[], Task<TResult>> Invoker { get; }

    public override object InvokeFromProxy(GrainProxy proxy, object?[] arguments)
    {
        var task = proxy.ResolveActivation().InvokeAsync(this, arguments);
        return ReturnKind switch
        {
            GrainMethodReturnKind.ValueTask => new ValueTask(task),
            GrainMethodReturnKind.ValueTaskOfResult => new ValueTask<TResult>(task),
            _ => task,
        };
    }
}
