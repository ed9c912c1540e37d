namespace CustomerEngine.Grains.Tests;

/// <summary>Waits for something the engine does in the background, and fails with what never happened.</summary>
public static class Eventually
{
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan patience) =>
        HoldsAsync(() => Task.FromResult(condition()), what, patience);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {patience.TotalSeconds} s and still not: {what}.");
            await Task.Delay(20);
        }
    }
}
