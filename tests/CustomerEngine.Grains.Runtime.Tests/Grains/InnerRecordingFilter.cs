namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed class InnerRecordingFilter(FilterLog log) : IGrainCallFilter
{
    public async Task InvokeAsync(GrainCallContext context, Func<Task> next)
    {
        if (context.InterfaceType != typeof(IFilteredGrain))
        {
            await next();
            return;
        }

        log.Add($"inner before {context.InterfaceMethod.Name}");
        await next();
        log.Add($"inner after result={context.Result}");
    }
}
