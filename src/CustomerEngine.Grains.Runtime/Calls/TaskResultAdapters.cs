namespace CustomerEngine.Grains.Runtime.Calls;

/// <summary>
/// Brings every supported return type to <see cref="Task{TResult}"/> so that one call path serves all
/// of them; methods without a result use <see cref="Task{TResult}"/> of a null object.
/// </summary>
internal static class TaskResultAdapters
{
    public static readonly Task<object?> CompletedWithoutResult = Task.FromResult<object?>(null);

    public static Task<object?> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? CompletedWithoutResult : AwaitWithoutResultAsync(task);

    public static Task<object?> FromValueTask(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            // Observing the result lets a pooled IValueTaskSource be reused.
            task.GetAwaiter().GetResult();
            return CompletedWithoutResult;
        }

        return AwaitWithoutResultAsync(task.AsTask());
    }

    public static Task<TResult> FromValueTask<TResult>(ValueTask<TResult> task) =>
        task.IsCompletedSuccessfully ? Task.FromResult(task.Result) : task.AsTask();

    private static async Task<object?> AwaitWithoutResultAsync(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }
}
