using System.Collections.Concurrent;
using CustomerEngine.Campaigns.Definitions;
using CustomerEngine.Campaigns.Evaluation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// Every campaign of the engine, in memory, as the customer grains' arbitration reads it. The
/// campaign grains put each change in force here before they acknowledge it, so activating,
/// editing or pausing a campaign applies to the very next decision of every customer; the
/// <see cref="Version"/> makes suggestions read afterwards be decided again.
/// </summary>
public sealed class ActiveCampaigns
{
    private readonly ConcurrentDictionary<string, LiveCampaign> _all = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CustomerAttribution> _attributing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CustomerCampaignStates> _statesByCustomer = new(StringComparer.Ordinal);
    private readonly Lock _changeLock = new();
    private readonly CampaignOptions _options;
    private readonly ILogger<ActiveCampaigns> _logger;
    private volatile ActiveCampaignSet _active = ActiveCampaignSet.Empty;
    private long _version;

    /// <summary>Created by the container.</summary>
    public ActiveCampaigns(IOptions<CampaignOptions> options, ILogger<ActiveCampaigns> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Grows with every change of a campaign's definition or status.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The active campaigns, for arbitration; an immutable array replaced on every change.</summary>
    public IReadOnlyList<LiveCampaign> Active => _active.Campaigns;

    /// <summary>The active campaigns with their positions by action id; replaced as a whole on every change.</summary>
    public ActiveCampaignSet ActiveSet => _active;

    /// <summary>Every campaign, whatever its status.</summary>
    public IEnumerable<LiveCampaign> All => _all.Values;

    /// <summary>The campaign with <paramref name="id"/>, or null.</summary>
    public LiveCampaign? Find(string id) => _all.GetValueOrDefault(id);

    /// <summary>The options campaigns run with.</summary>
    public CampaignOptions Options => _options;

    /// <summary>Compiles a definition with the engine's settings (no catalog check).</summary>
    public CampaignCompilation Compile(string id, CampaignDefinition? definition, Func<string, bool>? actionExists = null) =>
        CampaignCompiler.Compile(id, definition, new CampaignCompileOptions { ActionExists = actionExists, LifecycleWindow = _options.LifecycleTriggerWindow });

    /// <summary>Loads a stored campaign at start-up, with its stored results.</summary>
    public void Load(CampaignRecord record, CampaignResultsState? results)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_changeLock)
        {
            var live = new LiveCampaign(record.Id!, _options, results);
            _all[record.Id!] = live;
            PutInForce(live, record);
            foreach (var customer in results?.Customers ?? [])
            {
                if (customer.Presentations.Exists(p => !p.Converted))
                {
                    Attributing(customer.CustomerId, live);
                }
            }
        }
    }

    /// <summary>
    /// Puts <paramref name="record"/>'s definition and status in force. When it stops the campaign
    /// (paused or ended), waits until no decision that could still present it is under way, so
    /// that nothing is presented after the caller acknowledges the change.
    /// </summary>
    public async Task ApplyAsync(CampaignRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        LiveCampaign live;
        lock (_changeLock)
        {
            live = _all.GetOrAdd(record.Id!, id => new LiveCampaign(id, _options, null));
            PutInForce(live, record);
        }

        if (record.Status != CampaignStatus.Active && !await live.DrainAsync(_options.DrainTimeout))
        {
            _logger.LogWarning("Campaign {CampaignId}: decisions were still under way {Timeout} after it was {Status}", record.Id, _options.DrainTimeout, record.Status);
        }
    }

    /// <summary>
    /// The customer's own table of their campaign records, to look them up once per decision; a new
    /// one (kept only if a campaign puts a record in it, see <see cref="KeepStates"/>) for a customer
    /// no campaign has found yet. Call in the customer's turn.
    /// </summary>
    public CustomerCampaignStates StatesOf(string customerId) =>
        _statesByCustomer.TryGetValue(customerId, out var states) ? states : new CustomerCampaignStates();

    /// <summary>Keeps a table from <see cref="StatesOf"/> that now points at records. Call in the customer's turn.</summary>
    public void KeepStates(string customerId, CustomerCampaignStates states)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (!states.Kept && states.Any)
        {
            states.Kept = true;
            _statesByCustomer.TryAdd(customerId, states);
        }
    }

    /// <summary>Notes that the customer has a presentation of <paramref name="campaign"/> that a later purchase may convert.</summary>
    internal void Attributing(string customerId, LiveCampaign campaign)
    {
        var attribution = _attributing.GetOrAdd(customerId, static _ => new CustomerAttribution());
        lock (attribution)
        {
            if (!attribution.Campaigns.Contains(campaign))
            {
                attribution.Campaigns.Add(campaign);
            }
        }
    }

    /// <summary>
    /// Counts the conversions the customer's latest purchase makes, in the campaigns that presented
    /// to them; looked at only when the latest purchase is one not seen before.
    /// </summary>
    internal void CheckConversions(string customerId, DateTimeOffset lastPurchaseAt, DateTimeOffset now)
    {
        if (!_attributing.TryGetValue(customerId, out var attribution))
        {
            return;
        }

        lock (attribution)
        {
            if (attribution.CheckedPurchaseAt == lastPurchaseAt)
            {
                return;
            }

            attribution.CheckedPurchaseAt = lastPurchaseAt;
            attribution.Campaigns.RemoveAll(campaign => !campaign.CheckConversions(customerId, lastPurchaseAt, now));
            if (attribution.Campaigns.Count == 0)
            {
                // Only this customer's own turn adds campaigns back, so this cannot drop a fresh presentation.
                _attributing.TryRemove(customerId, out _);
            }
        }
    }

    /// <summary>What every campaign remembers of the customer's streams, for the customer's data export.</summary>
    public IReadOnlyList<CampaignMembership> Memberships(IReadOnlyCollection<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var memberships = new List<CampaignMembership>();
        foreach (var campaign in _all.Values.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            foreach (var customerId in customerIds)
            {
                if (campaign.FindCustomer(customerId) is { } customer)
                {
                    memberships.Add(new CampaignMembership(campaign.Id, customer));
                }
            }
        }

        return memberships;
    }

    /// <summary>
    /// Forgets an erased customer in every campaign (counts stay: they are aggregates). Call in the
    /// customer's turn. Returns the campaigns whose stored results still name the customer.
    /// </summary>
    public IReadOnlyList<LiveCampaign> Forget(IReadOnlyCollection<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var changed = new List<LiveCampaign>();
        foreach (var customerId in customerIds)
        {
            _attributing.TryRemove(customerId, out _);
            _statesByCustomer.TryRemove(customerId, out _);
            foreach (var campaign in _all.Values)
            {
                if (campaign.ForgetCustomer(customerId) && !changed.Contains(campaign))
                {
                    changed.Add(campaign);
                }
            }
        }

        return changed;
    }

    private void PutInForce(LiveCampaign live, CampaignRecord record)
    {
        var compilation = Compile(record.Id!, record.Definition);
        if (compilation.Campaign is null)
        {
            // Definitions are validated before they are stored; one that no longer compiles (a
            // time zone gone from the system, say) reaches nobody rather than failing every decision.
            _logger.LogError("Campaign {CampaignId} no longer compiles and reaches nobody: {Errors}", record.Id, string.Join("; ", compilation.Errors.Select(e => $"{e.Field} {e.Message}")));
        }

        live.Update(compilation.Campaign, compilation.Campaign is null ? CampaignStatus.Paused : record.Status);
        _active = new ActiveCampaignSet([.. _all.Values.Where(c => c.Status == CampaignStatus.Active && c.Compiled is not null).OrderBy(c => c.Id, StringComparer.Ordinal)]);
        Interlocked.Increment(ref _version);
    }
}
