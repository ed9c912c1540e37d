namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed class OuterRecordingFilter(FilterLog log) : IGrainCallFilter
{
    public async Task InvokeAsync(GrainCallContext context, Func<Task> next)
    {
        if (context.InterfaceType != typeof(IFilteredGrain))
        {
            await next();
            return;
        }

        log.Add($"outer before {context.InterfaceMethod.Name}({string.Join(",", context.Arguments)}) key={context.GrainKey} grain={context.Grain.GetType().Name}");
        try
        {
            await next();
            log.Add($"outer after result={context.Result}");
        }
        catch (Exception exception)
        {
            log.Add($"outer saw {exception.GetType().Name}");
            throw;
        }
    }
}
