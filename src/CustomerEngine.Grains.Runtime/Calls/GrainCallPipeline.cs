using System.Diagnostics;
using CustomerEngine.Grains.Runtime.Telemetry;

namespace CustomerEngine.Grains.Runtime.Calls;

/// <summary>
/// What happens to a call inside the turn: telemetry, filters, then the grain method. When nobody
/// listens and no filter is registered it adds nothing but a few field reads.
/// </summary>
internal sealed class GrainCallPipeline(IGrainCallFilter[] filters, GrainRuntimeInstruments instruments)
{
    public bool HasFilters => filters.Length != 0;

    public Task<TResult> Start<TResult>(Grain grain, IGrainContext activation, GrainMethod<TResult> method, object?[] arguments) =>
        filters.Length == 0 && !instruments.IsObservingCalls
            ? InvokeGrain(grain, method, arguments)
            : InvokeObservedAsync(grain, activation, method, arguments);

    private static Task<TResult> InvokeGrain<TResult>(Grain grain, GrainMethod<TResult> method, object?[] arguments) =>
        method.Invoker(grain, arguments)
        ?? throw new InvalidOperationException($"{method.SpanName} returned a null task.");

    private async Task<TResult> InvokeObservedAsync<TResult>(Grain grain, IGrainContext activation, GrainMethod<TResult> method, object?[] arguments)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var activity = GrainRuntimeTelemetry.ActivitySource.StartActivity(method.SpanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GrainRuntimeTelemetry.InterfaceTagName, method.GrainType.InterfaceName);
            activity.SetTag(GrainRuntimeTelemetry.MethodTagName, method.InterfaceMethod.Name);
        }

        Type? errorType = null;
        try
        {
            return filters.Length == 0
                ? await InvokeGrain(grain, method, arguments).ConfigureAwait(false)
                : await InvokeThroughFiltersAsync(grain, activation, method, arguments).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Only the type: exception messages may contain customer data.
            errorType = exception.GetType();
            activity?.SetStatus(ActivityStatusCode.Error, errorType.FullName);
            activity?.SetTag(GrainRuntimeTelemetry.ErrorTypeTagName, errorType.FullName);
            throw;
        }
        finally
        {
            activity?.Dispose();
            instruments.RecordCall(method, Stopwatch.GetElapsedTime(startedAt), errorType);
        }
    }

    private async Task<TResult> InvokeThroughFiltersAsync<TResult>(Grain grain, IGrainContext activation, GrainMethod<TResult> method, object?[] arguments)
    {
        var context = new GrainCallContext((IGrain)grain, activation.GrainKey, activation.InterfaceType, method.InterfaceMethod, arguments);
        await InvokeFilterAsync(0, context, grain, method).ConfigureAwait(false);
        if (!method.ReturnsValue)
        {
            return default!;
        }

        return context.Result switch
        {
            TResult result => result,
            null when default(TResult) is null => default!,
            _ => throw new InvalidOperationException(
                $"A call filter set the result of {method.SpanName} to {context.Result?.GetType().Name ?? "null"}, which is not a {typeof(TResult).Name}."),
        };
    }

    private Task InvokeFilterAsync<TResult>(int index, GrainCallContext context, Grain grain, GrainMethod<TResult> method) =>
        index < filters.Length
            ? filters[index].InvokeAsync(context, () => InvokeFilterAsync(index + 1, context, grain, method))
            : InvokeGrainForFiltersAsync(context, grain, method);

    private static async Task InvokeGrainForFiltersAsync<TResult>(GrainCallContext context, Grain grain, GrainMethod<TResult> method)
    {
        var result = await InvokeGrain(grain, method, context.Arguments).ConfigureAwait(false);
        if (method.ReturnsValue)
        {
            context.Result = result;
        }
    }
}
