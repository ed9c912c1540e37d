namespace CustomerEngine.Grains.Runtime;

/// <summary>
/// Wraps every grain call (including reminder deliveries). Filters are singletons, run inside the
/// activation's turn in registration order, and may inspect or change arguments, observe exceptions,
/// replace the result, or short-circuit by not calling <c>next</c>.
/// </summary>
public interface IGrainCallFilter
{
    /// <summary>Handles one call.</summary>
    /// <param name="context">The call; <see cref="GrainCallContext.Result"/> holds the result once <paramref name="next"/> has completed.</param>
    /// <param name="next">Runs the remaining filters and then the grain method.</param>
    Task InvokeAsync(GrainCallContext context, Func<Task> next);
}
