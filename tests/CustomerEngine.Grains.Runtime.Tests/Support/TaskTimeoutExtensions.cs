namespace CustomerEngine.Grains.Runtime.Tests.Support;

/// <summary>Turns a hang into a failing test.</summary>
public static class TaskTimeoutExtensions
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Task WithTimeout(this Task task) => task.WaitAsync(Limit);

    public static Task<T> WithTimeout<T>(this Task<T> task) => task.WaitAsync(Limit);

    public static Task<T> WithTimeout<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Limit);
}
