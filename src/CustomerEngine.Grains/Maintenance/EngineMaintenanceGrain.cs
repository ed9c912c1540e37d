using CustomerEngine.Domain.Value;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Value;
using CustomerEngine.Storage.Customers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Maintenance;

/// <summary>Runs the lifecycle sweep and the value ranking, one at a time.</summary>
public sealed class EngineMaintenanceGrain(
    ICustomerIndex index,
    CustomerIndexWriter indexWriter,
    ValueDistributionSnapshot values,
    IOptions<TierRules> tierRules,
    IOptions<MaintenanceOptions> options,
    ILogger<EngineMaintenanceGrain> logger) : Grain, IEngineMaintenanceGrain
{
    private const string SweepReminder = "lifecycle-sweep";
    private const string RankingReminder = "value-ranking";
    private const int TierWriteChunk = 10_000;

    /// <inheritdoc />
    public async Task ScheduleAsync()
    {
        var o = options.Value;
        await RegisterOrUpdateReminderAsync(SweepReminder, o.SweepInterval, o.SweepInterval);
        await RegisterOrUpdateReminderAsync(RankingReminder, o.RankingInterval, o.RankingInterval);
    }

    /// <inheritdoc />
    public async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        switch (reminderName)
        {
            case SweepReminder:
                await SweepLifecycleAsync();
                break;
            case RankingReminder:
                await RankValueAsync();
                break;
        }
    }

    /// <inheritdoc />
    public async Task<int> SweepLifecycleAsync()
    {
        var touched = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            // The grains publish their advanced rows through the index writer; flushing before
            // each read keeps a round from seeing the customers the previous round just settled.
            await indexWriter.FlushAsync();
            var due = await index.ReadDueAsync(Clock.GetUtcNow(), options.Value.SweepBatchSize);
            var fresh = due.Where(seen.Add).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            await Task.WhenAll(fresh.Select(id => GrainFactory.GetGrain<ICustomerGrain>(id).AdvanceClockAsync()));
            touched += fresh.Count;
        }

        await indexWriter.FlushAsync();
        if (touched > 0)
        {
            logger.LogInformation("Lifecycle sweep brought {Count} customers up to date", touched);
        }

        return touched;
    }

    /// <inheritdoc />
    public async Task<int> RankValueAsync()
    {
        await indexWriter.FlushAsync();
        var rows = new List<ValueInputRow>();
        await foreach (var row in index.ReadValueInputsAsync())
        {
            rows.Add(row);
        }

        var now = Clock.GetUtcNow();
        var distribution = ValueDistribution.Compute(rows.Select(ToInput), now, tierRules.Value);
        values.Current = distribution;

        var tiers = new List<TierAssignment>(Math.Min(rows.Count, TierWriteChunk));
        foreach (var row in rows)
        {
            if (distribution.Tier(ToInput(row), now) is { } tier)
            {
                tiers.Add(new TierAssignment(row.CustomerId, ApiName.Of(tier)));
            }

            if (tiers.Count == TierWriteChunk)
            {
                await index.UpdateTiersAsync(tiers);
                tiers.Clear();
            }
        }

        if (tiers.Count > 0)
        {
            await index.UpdateTiersAsync(tiers);
        }

        logger.LogInformation("Value ranking over {Count} customers", rows.Count);
        return rows.Count;
    }

    private static RfmInput ToInput(ValueInputRow row) => new(row.Frequency, row.Monetary, row.LastPurchaseAt);
}
