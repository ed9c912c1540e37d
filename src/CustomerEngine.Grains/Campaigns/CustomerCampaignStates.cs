namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// One customer's records in the active campaigns, by position in the <see cref="ActiveCampaignSet"/>
/// in force. A decision evaluates dozens of campaigns for the same customer: reading each record
/// here is an array read, where looking in each campaign's own table of customers cost a hash and
/// a cache miss per campaign. The campaigns' tables stay the truth (results, exports and erasure
/// read them); this only points at the same records, and starts again empty when the set changes.
/// </summary>
/// <remarks>Read and changed only in the customer's own turns, one at a time, like the records themselves.</remarks>
public sealed class CustomerCampaignStates
{
    // Stands for "the campaign has no record of the customer", so that is looked up once, not at every decision.
    private static readonly CampaignCustomerState None = new();

    private ActiveCampaignSet? _set;
    private CampaignCustomerState?[] _byPosition = [];

    /// <summary>Whether the engine keeps this table (a new one is kept once it points at a record).</summary>
    public bool Kept { get; set; }

    /// <summary>Whether it points at any record.</summary>
    public bool Any { get; private set; }

    /// <summary>Makes positions those of <paramref name="set"/>, forgetting what was found under another set.</summary>
    public void Follow(ActiveCampaignSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!ReferenceEquals(_set, set))
        {
            _set = set;
            _byPosition = new CampaignCustomerState?[set.Campaigns.Count];
        }
    }

    /// <summary>
    /// The customer's record in the campaign at <paramref name="position"/>: from this table, or else
    /// from <paramref name="lookUp"/> once (a record or none), remembered for later decisions.
    /// </summary>
    public CampaignCustomerState? Find<TState>(int position, TState state, Func<TState, CampaignCustomerState?> lookUp)
    {
        ArgumentNullException.ThrowIfNull(lookUp);
        var known = _byPosition[position];
        if (known is null)
        {
            known = lookUp(state) ?? None;
            _byPosition[position] = known;
            Any |= !ReferenceEquals(known, None);
        }

        return ReferenceEquals(known, None) ? null : known;
    }

    /// <summary>Points at the customer's new record in the campaign at <paramref name="position"/>.</summary>
    public void Remember(int position, CampaignCustomerState state)
    {
        _byPosition[position] = state;
        Any = true;
    }
}
