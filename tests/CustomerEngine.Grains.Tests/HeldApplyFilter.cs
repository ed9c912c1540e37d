using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Tests;

public sealed class HeldApplyFilter(HeldApplies held) : IGrainCallFilter
{
    public async Task InvokeAsync(GrainCallContext context, Func<Task> next)
    {
        if (context.InterfaceMethod.Name != "ApplyAsync")
        {
            await next();
            return;
        }

        await held.Released;
        await next();
        held.CountApplied(context.GrainKey);
    }
}
