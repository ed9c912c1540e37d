using System.Reflection;

namespace CustomerEngine.Grains.Runtime.Calls;

/// <summary>The rules a grain interface must follow, checked once at registration.</summary>
internal static class GrainInterfaceContract
{
    /// <summary>All methods callable through the interface, including those of the interfaces it derives from.</summary>
    /// <exception cref="ArgumentException">The type is not a valid grain interface.</exception>
    public static IReadOnlyList<MethodInfo> GetMethods(Type interfaceType)
    {
        if (!interfaceType.IsInterface || !typeof(IGrain).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"{interfaceType.FullName} must be an interface deriving from {nameof(IGrain)}.", nameof(interfaceType));
        }

        if (interfaceType.ContainsGenericParameters)
        {
            throw new ArgumentException($"{interfaceType.FullName} must be a closed type.", nameof(interfaceType));
        }

        var methods = new List<MethodInfo>();
        foreach (var type in interfaceType.GetInterfaces().Prepend(interfaceType))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                Validate(method);
                methods.Add(method);
            }
        }

        return methods;
    }

    public static GrainMethodReturnKind GetReturnKind(MethodInfo method, out Type resultType)
    {
        var returnType = method.ReturnType;
        resultType = typeof(object);
        if (returnType == typeof(Task))
        {
            return GrainMethodReturnKind.Task;
        }

        if (returnType == typeof(ValueTask))
        {
            return GrainMethodReturnKind.ValueTask;
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            if (definition == typeof(Task<>))
            {
                resultType = returnType.GetGenericArguments()[0];
                return GrainMethodReturnKind.TaskOfResult;
            }

            if (definition == typeof(ValueTask<>))
            {
                resultType = returnType.GetGenericArguments()[0];
                return GrainMethodReturnKind.ValueTaskOfResult;
            }
        }

        throw new ArgumentException(
            $"{Describe(method)} must return Task, Task<T>, ValueTask or ValueTask<T>; grain interfaces cannot declare properties, events or synchronous methods.");
    }

    private static void Validate(MethodInfo method)
    {
        if (method.IsGenericMethodDefinition)
        {
            throw new ArgumentException($"{Describe(method)} is generic; grain methods cannot have type parameters.");
        }

        if (method.GetParameters().Any(parameter => parameter.ParameterType.IsByRef))
        {
            throw new ArgumentException($"{Describe(method)} has a ref, in or out parameter; grain methods cannot.");
        }

        _ = GetReturnKind(method, out _);
    }

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.FullName}.{method.Name}";
}
