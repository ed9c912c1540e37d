using CustomerEngine.Campaigns.Conditions;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Customers;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Campaigns;

/// <summary>
/// Estimates an audience's size by evaluating its condition, exactly as arbitration does, over the
/// live 360 views of a sample of customers taken from the customer index: pages spread evenly over
/// the index (ordered by customer id, which spreads customers without regard to their traits), or
/// the whole base when it is no larger than the sample. The view of a customer not in memory is
/// read from its grain, so an estimate costs at most <see cref="CampaignApiOptions.EstimateSampleSize"/>
/// grain reads. <c>currentStoreId</c> is estimated by the last store visited.
/// </summary>
public sealed class AudienceEstimator(ICustomerIndex index, IGrainFactory grains, IOptions<CampaignApiOptions> options)
{
    private const int PageSize = 100;
    private const int Parallelism = 8;

    /// <summary>Counts the customers of the sample that <paramref name="matches"/> accepts and scales to the base.</summary>
    public async Task<AudienceEstimate> EstimateAsync(Func<AudienceSubject, bool> matches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var sampleSize = Math.Max(PageSize, options.Value.EstimateSampleSize);
        var first = await index.QueryAsync(new CustomerQuery(null, null, null, null, 1, PageSize), cancellationToken);
        var total = first.Total;
        var pageCount = (int)((total + PageSize - 1) / PageSize);
        var wanted = total <= sampleSize ? pageCount : sampleSize / PageSize;
        var pages = Enumerable.Range(0, wanted).Select(i => 1 + (int)((long)i * pageCount / wanted)).Distinct().ToList();
        var ids = new List<string>();
        foreach (var page in pages)
        {
            var items = page == 1 ? first.Items : (await index.QueryAsync(new CustomerQuery(null, null, null, null, page, PageSize), cancellationToken)).Items;
            ids.AddRange(items.Select(i => i.CustomerId));
        }

        long matched = 0, sampled = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, _) =>
        {
            var grain = grains.GetGrain<ICustomerGrain>(id);
            if (await grain.GetViewAsync() is not { } view)
            {
                return;
            }

            var summary = await grain.GetSummaryAsync();
            Interlocked.Increment(ref sampled);
            if (matches(new AudienceSubject(view, summary?.LastStoreId, summary?.LastStoreId)))
            {
                Interlocked.Increment(ref matched);
            }
        });

        var exact = sampled >= total;
        var estimate = exact || sampled == 0 ? matched : (long)Math.Round((double)matched / sampled * total);
        return new AudienceEstimate(estimate, matched, sampled, total, exact);
    }
}
