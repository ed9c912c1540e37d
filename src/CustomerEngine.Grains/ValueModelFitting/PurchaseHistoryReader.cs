using CustomerEngine.Domain.Events;
using CustomerEngine.Storage.Events;
using CustomerEngine.ValueModels.Purchases;
using Microsoft.Extensions.Options;
using ModelPurchase = CustomerEngine.ValueModels.Purchases.Purchase;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>
/// Collects customers' purchase histories from the event log, so a fit can be made as of any past date
/// (the grains only know the present).
/// </summary>
/// <remarks>
/// Purchases of an anonymous visitor belong to the customer who identified as that visitor (the first
/// <c>customer.identified</c> in the log, as the grains decide it), exactly as the customer's grain folds them.
/// A visitor who never identified is left out: a cookie is not a stable identity, and the same person
/// returning with a new cookie would count as a customer lost and another one acquired.
/// </remarks>
public sealed class PurchaseHistoryReader(IEventLog log, IOptions<ValueModelOptions> options)
{
    /// <summary>Reads the purchases on UTC dates from <paramref name="from"/> (all when null) through <paramref name="through"/>.</summary>
    /// <param name="from">The first UTC date to include; null for the whole history.</param>
    /// <param name="through">The last UTC date to include.</param>
    /// <param name="progress">Receives the share of the log read so far, from 0 to 1.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public async Task<PurchaseHistories> ReadAsync(DateOnly? from, DateOnly through, Action<double>? progress, CancellationToken cancellationToken)
    {
        var pageSize = Math.Max(1, options.Value.ScanPageSize);

        // Sequences are assigned in commit order from 1, so the count is close to the last sequence.
        var logLength = Math.Max(1, await log.CountAsync(cancellationToken));
        var owners = await ReadIdentitiesAsync(pageSize, cancellationToken);

        var purchases = new Dictionary<string, List<ModelPurchase>>(StringComparer.Ordinal);
        var anonymous = new HashSet<string>(StringComparer.Ordinal);
        var after = 0L;
        while (true)
        {
            var page = await log.ScanAsync(EventTypes.Purchase, after, pageSize, cancellationToken);
            foreach (var stored in page)
            {
                var day = DateOnly.FromDateTime(stored.OccurredAt.UtcDateTime);
                if (day > through || (from is { } first && day < first))
                {
                    continue;
                }

                var customer = stored.StreamKey;
                if (customer.StartsWith(CustomerEvent.AnonymousStreamPrefix, StringComparison.Ordinal))
                {
                    if (!owners.TryGetValue(customer, out var owner))
                    {
                        anonymous.Add(customer);
                        continue;
                    }

                    customer = owner;
                }

                if (!purchases.TryGetValue(customer, out var list))
                {
                    list = [];
                    purchases.Add(customer, list);
                }

                list.Add(new ModelPurchase(stored.OccurredAt, PurchasePayload.TotalOf(stored.Payload)));
            }

            if (page.Count > 0)
            {
                after = page[^1].Sequence;
                progress?.Invoke(Math.Min(1, (double)after / logLength));
            }

            if (page.Count < pageSize)
            {
                break;
            }
        }

        progress?.Invoke(1);
        return new PurchaseHistories(
            [.. purchases.Select(customer => new PurchaseHistory(customer.Key, customer.Value))],
            anonymous.Count);
    }

    private async Task<Dictionary<string, string>> ReadIdentitiesAsync(int pageSize, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var after = 0L;
        while (true)
        {
            var page = await log.ScanAsync(EventTypes.CustomerIdentified, after, pageSize, cancellationToken);
            foreach (var stored in page)
            {
                if (CustomerEventJson.Deserialize(stored.Payload).Data is CustomerIdentified identified)
                {
                    // The first claimant keeps the visitor's history, as in the grains.
                    owners.TryAdd(CustomerEvent.AnonymousStreamPrefix + identified.AnonymousId, stored.StreamKey);
                }
            }

            if (page.Count < pageSize)
            {
                return owners;
            }

            after = page[^1].Sequence;
        }
    }
}
