using System.Diagnostics;
using CustomerEngine.Host.Tests.Support;

namespace CustomerEngine.Durability.Tests.Traffic;

/// <summary>What a producer does with the batches it got no 202 for: sends them again until they are accepted.</summary>
public static class Resender
{
    public static async Task ResendUntilAcceptedAsync(HostProcess host, IEnumerable<EventBatch> batches, Stopwatch clock)
    {
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        foreach (var batch in batches)
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var attempt = await EventPoster.PostAsync(client, batch, clock);
                if (attempt.IsAccepted)
                {
                    break;
                }

                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"{batch} was not accepted again within 60 s; its attempts: {string.Join("; ", batch.Attempts)}{Environment.NewLine}{host.RecentOutput()}");
                await Task.Delay(attempt.RetryAfter ?? TimeSpan.FromSeconds(1));
            }
        }
    }
}
