using CustomerEngine.Domain.Customers;

namespace CustomerEngine.Domain.Segments;

/// <summary>Assigns the behaviour segments of DOMAIN.md §4 from a customer's state.</summary>
public static class CustomerSegmentation
{
    /// <summary>The customer's segments under <paramref name="rules"/>.</summary>
    public static CustomerSegments Evaluate(CustomerState state, SegmentRules rules)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(rules);
        var inputs = state.SegmentInputs;
        return new CustomerSegments(PriceSensitivityOf(state, rules), LoyaltyOf(inputs, rules), ChannelOf(inputs, rules));
    }

    // Free purchases alone give no spend to compare against, so they do not decide either way.
    private static PriceSensitivity? PriceSensitivityOf(CustomerState state, SegmentRules rules)
    {
        var inputs = state.SegmentInputs;
        if (state.Stats.Purchases == 0 || inputs.ItemSpend <= 0)
        {
            return null;
        }

        return inputs.DiscountedItemSpend >= rules.PriceDrivenShare * inputs.ItemSpend
            ? PriceSensitivity.PriceDriven
            : PriceSensitivity.ValueDriven;
    }

    private static BrandLoyalty? LoyaltyOf(SegmentInputs inputs, SegmentRules rules)
    {
        var total = 0;
        var top = 0;
        // Enumerating the pairs rather than .Values: the dictionary would keep the values view it
        // hands out, one more object in every customer.
        foreach (var (_, count) in inputs.BrandItemCounts)
        {
            total += count;
            top = Math.Max(top, count);
        }

        if (total == 0 || total < rules.MinBrandedItems)
        {
            return null;
        }

        if (top >= rules.LoyalTopBrandShare * total)
        {
            return BrandLoyalty.Loyal;
        }

        return inputs.BrandItemCounts.Count >= rules.ExplorerMinBrands && top < rules.ExplorerMaxTopBrandShare * total
            ? BrandLoyalty.MultiBrandExplorer
            : BrandLoyalty.Switcher;
    }

    private static ChannelPreference? ChannelOf(SegmentInputs inputs, SegmentRules rules)
    {
        var store = inputs.StoreInteractions;
        var online = inputs.OnlineInteractions + inputs.AppInteractions;
        var total = store + online + inputs.CallCenterInteractions;
        if (total == 0 || total < rules.MinInteractionsForChannel)
        {
            return null;
        }

        if (store >= rules.ChannelShare * total)
        {
            return ChannelPreference.Store;
        }

        return online >= rules.ChannelShare * total ? ChannelPreference.Online : ChannelPreference.Omnichannel;
    }
}
