using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace CustomerEngine.Grains.Runtime.Calls;

/// <summary>
/// Compiles, once per interface method, a delegate that calls the method on a grain instance with
/// arguments taken from the proxy's argument array; reflection invoke would cost far more per call.
/// </summary>
internal static class GrainMethodInvokerCompiler
{
    private static readonly ConcurrentDictionary<MethodInfo, Delegate> s_invokers = new();

    public static Func<object, object?[], Task<TResult>> GetInvoker<TResult>(MethodInfo method, GrainMethodReturnKind kind) =>
        (Func<object, object?[], Task<TResult>>)s_invokers.GetOrAdd(method, static (method, kind) => Compile<TResult>(method, kind), kind);

    private static Func<object, object?[], Task<TResult>> Compile<TResult>(MethodInfo method, GrainMethodReturnKind kind)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters();
        var convertedArguments = new Expression[parameters.Length];
        for (var index = 0; index < parameters.Length; index++)
        {
            convertedArguments[index] = Expression.Convert(
                Expression.ArrayIndex(arguments, Expression.Constant(index)),
                parameters[index].ParameterType);
        }

        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, convertedArguments);
        Expression body = kind switch
        {
            GrainMethodReturnKind.TaskOfResult => call,
            GrainMethodReturnKind.Task => Expression.Call(GetAdapter(nameof(TaskResultAdapters.FromTask), typeof(Task)), call),
            GrainMethodReturnKind.ValueTask => Expression.Call(GetAdapter(nameof(TaskResultAdapters.FromValueTask), typeof(ValueTask)), call),
            GrainMethodReturnKind.ValueTaskOfResult => Expression.Call(
                GetAdapter(nameof(TaskResultAdapters.FromValueTask), typeof(ValueTask<>)).MakeGenericMethod(typeof(TResult)),
                call),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        return Expression.Lambda<Func<object, object?[], Task<TResult>>>(body, grain, arguments).Compile();
    }

    private static MethodInfo GetAdapter(string name, Type parameterType) =>
        typeof(TaskResultAdapters).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(method => method.Name == name
                && method.GetParameters() is [var parameter]
                && (parameter.ParameterType.IsGenericType ? parameter.ParameterType.GetGenericTypeDefinition() : parameter.ParameterType) == parameterType);
}
