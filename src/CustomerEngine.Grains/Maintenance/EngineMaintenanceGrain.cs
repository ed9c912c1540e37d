using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Value;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Ingestion;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Value;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Maintenance;

/// <summary>Runs the lifecycle sweep and the value ranking, one at a time.</summary>
public sealed class EngineMaintenanceGrain(
    ICustomerIndex index,
    CustomerIndexWriter indexWriter,
    CustomerEventPipeline pipeline,
    ValueDistributionSnapshot values,
    ValueModelSnapshot models,
    LifetimeValueSnapshot lifetimeValueSpread,
    IOptions<CustomerRules> customerRules,
    IOptions<TierRules> tierRules,
    IOptions<MaintenanceOptions> options,
    INodeNotifications nodes,
    ILogger<EngineMaintenanceGrain> logger) : Grain, IEngineMaintenanceGrain
{
    private const string SweepReminder = "lifecycle-sweep";
    private const string RankingReminder = "value-ranking";
    private const int TierWriteChunk = 10_000;

    // The index rows come from the customers' grains, which apply a batch just after its 202.
    private static readonly TimeSpan DeliveryPatience = TimeSpan.FromSeconds(10);

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
        await pipeline.AnsweredBatchesAppliedAsync(DeliveryPatience);
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
        // Ranks every customer whose events were acknowledged before the ranking began.
        await pipeline.AnsweredBatchesAppliedAsync(DeliveryPatience);
        await indexWriter.FlushAsync();
        var rows = await ReadValueInputsAsync();
        var now = Clock.GetUtcNow();
        var model = models.Current;
        var republish = new List<string>();
        var (distribution, lifetimeValues) = Rank(rows, now, model, republish);

        var tiers = new List<TierAssignment>(Math.Min(rows.Count, TierWriteChunk));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if ((model is null || lifetimeValues[i] is not null) && distribution.Tier(ToInput(row), now, lifetimeValues[i]) is { } tier)
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

        await RepublishAsync(republish);
        nodes.Publish(ValueSnapshotRelay.Topic, ValueSnapshotRelay.Ranked);
        logger.LogInformation(
            "Value ranking over {Count} customers by {Basis}; {Republished} asked to republish their index row",
            rows.Count,
            distribution.RanksByLifetimeValue ? "lifetime value" : "RFM",
            republish.Count);
        return rows.Count;
    }

    /// <inheritdoc />
    public async Task RefreshValueDistributionAsync() => Rank(await ReadValueInputsAsync(), Clock.GetUtcNow(), models.Current, republish: null);

    private async Task<List<ValueInputRow>> ReadValueInputsAsync()
    {
        var rows = new List<ValueInputRow>();
        await foreach (var row in index.ReadValueInputsAsync())
        {
            rows.Add(row);
        }

        return rows;
    }

    // Puts this node's quintiles and lifetime-value spread in force; what the caller writes follows from
    // the result. Only the ranking that writes asks for the rows to republish (null skips the search).
    private (ValueDistribution Distribution, double?[] LifetimeValues) Rank(List<ValueInputRow> rows, DateTimeOffset now, CustomerValueModel? model, List<string>? republish)
    {
        var distribution = ValueDistribution.Compute(rows.Select(ToInput), now, tierRules.Value);

        // With a fitted model, tiers rank lifetime value. Rows that cannot say it (written before the
        // index kept the model's inputs) keep their tier, and so do customers the model cannot score.
        var lifetimeValues = new double?[rows.Count];
        if (model is not null)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                if (ToModelInput(row) is not { } input)
                {
                    republish?.Add(row.CustomerId);
                    continue;
                }

                lifetimeValues[i] = model.Forecast(input, now)?.LifetimeValue;
                if (republish is not null && FellBelowUnnoticed(row, input, model, now))
                {
                    republish.Add(row.CustomerId);
                }
            }

            distribution = distribution.WithLifetimeValueTiers(lifetimeValues.OfType<double>(), tierRules.Value);
            lifetimeValueSpread.Current = LifetimeValueHistogram.Of(lifetimeValues.OfType<double>());
        }

        values.Current = distribution;
        return (distribution, lifetimeValues);
    }

    private static RfmInput ToInput(ValueInputRow row) => new(row.Frequency, row.Monetary, row.LastPurchaseAt);

    private static ValueModelInput? ToModelInput(ValueInputRow row) =>
        row is { PurchaseDays: > 0 and var days, FirstPurchaseAt: { } first }
            ? new ValueModelInput(days, first, row.LastPurchaseAt, row.RepeatDaySpend)
            : null;

    // A row's due time was computed with the model its customer last saw; after a new fit, P(alive)
    // may already have fallen below a threshold while the row says nothing is due yet. The sweep
    // would not find such a customer, so the ranking does.
    private bool FellBelowUnnoticed(ValueInputRow row, ValueModelInput input, CustomerValueModel model, DateTimeOffset now)
    {
        if (row.NextDueAt is { } due && due <= now)
        {
            return false;
        }

        var lifecycle = customerRules.Value.Lifecycle;
        var stage = row.Stage;
        double? threshold =
            stage == ApiName.Of(LifecycleStage.AtRisk) ? lifecycle.ChurnedBelowPAlive
            : stage == ApiName.Of(LifecycleStage.New) || stage == ApiName.Of(LifecycleStage.Active) || stage == ApiName.Of(LifecycleStage.WonBack) ? lifecycle.AtRiskBelowPAlive
            : null;
        return threshold is { } below && model.FallsBelow(input, below) is { } crossing && crossing <= now;
    }

    private async Task RepublishAsync(List<string> customerIds)
    {
        foreach (var chunk in customerIds.Chunk(Math.Max(1, options.Value.SweepBatchSize)))
        {
            await Task.WhenAll(chunk.Select(id => GrainFactory.GetGrain<ICustomerGrain>(id).AdvanceClockAsync()));
        }

        if (customerIds.Count > 0)
        {
            await indexWriter.FlushAsync();
        }
    }
}
