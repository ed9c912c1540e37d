namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Answers MultiplyAsync calls whose first argument is 0 without reaching the grain.</summary>
public sealed class ShortCircuitFilter : IGrainCallFilter
{
    public const int Answer = -1;

    public Task InvokeAsync(GrainCallContext context, Func<Task> next)
    {
        if (context.InterfaceMethod.Name == nameof(IFilteredGrain.MultiplyAsync) && context.Arguments[0] is 0)
        {
            context.Result = Answer;
            return Task.CompletedTask;
        }

        return next();
    }
}
