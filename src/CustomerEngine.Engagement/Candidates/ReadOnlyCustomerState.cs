using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;

namespace CustomerEngine.Engagement.Candidates;

/// <summary>
/// A read-only window onto a customer's <see cref="CustomerState"/> for providers and event
/// handlers: they see what the state holds beyond the <c>Customer360</c> view (times of the latest
/// scores, open complaints, consent records, the raw recent list) but cannot change it, because the
/// state belongs to the customer's grain. It reads the live state, so it is only valid during the
/// call it is handed to.
/// </summary>
public sealed class ReadOnlyCustomerState
{
    private readonly CustomerState _state;

    // A context lives for one decision, in which the state does not change, and providers read it several times.
    private IReadOnlyList<RecentInteraction>? _recent;

    /// <summary>Wraps <paramref name="state"/>.</summary>
    public ReadOnlyCustomerState(CustomerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
    }

    /// <summary>The customer id, or <c>anon:{anonymousId}</c> for an anonymous visitor.</summary>
    public string CustomerId => _state.CustomerId;

    /// <summary>True for an anonymous visitor.</summary>
    public bool IsAnonymous => _state.IsAnonymous;

    /// <summary>The registered name.</summary>
    public string? Name => _state.Name;

    /// <summary>Consumer or organisation.</summary>
    public CustomerKind Kind => _state.Kind;

    /// <summary>The store the customer registered with.</summary>
    public string? HomeStoreId => _state.HomeStoreId;

    /// <summary>The store of the customer's latest event that named one.</summary>
    public string? LastStoreId => _state.LastStoreId;

    /// <summary>Custom attributes, including those plug-ins set.</summary>
    public IReadOnlyDictionary<string, string> Attributes => _state.Attributes;

    /// <summary>The lifecycle stage as last recorded (time-driven stages fall due when the state is advanced).</summary>
    public LifecycleStage Stage => _state.Lifecycle.Stage;

    /// <summary>When the current stage began.</summary>
    public DateTimeOffset? StageSince => _state.Lifecycle.Since;

    /// <summary>Every lifecycle transition, oldest first.</summary>
    public IReadOnlyList<LifecycleTransition> LifecycleHistory => _state.Lifecycle.History.AsReadOnly();

    /// <summary>Number of purchases.</summary>
    public int Purchases => _state.Stats.Purchases;

    /// <summary>Sum of purchase totals, before returns.</summary>
    public decimal Spend => _state.Stats.Spend;

    /// <summary>Number of store visits.</summary>
    public int Visits => _state.Stats.Visits;

    /// <summary>When the first purchase happened.</summary>
    public DateTimeOffset? FirstPurchaseAt => _state.Stats.FirstPurchaseAt;

    /// <summary>When the latest purchase happened.</summary>
    public DateTimeOffset? LastPurchaseAt => _state.Stats.LastPurchaseAt;

    /// <summary>When the purchase before the latest happened.</summary>
    public DateTimeOffset? PreviousPurchaseAt => _state.Stats.PreviousPurchaseAt;

    /// <summary>The latest occurrence time of any of the customer's events.</summary>
    public DateTimeOffset? LastSeenAt => _state.Stats.LastSeenAt;

    /// <summary>The latest NPS given (0–10).</summary>
    public int? LastNps => _state.Satisfaction.LastNps;

    /// <summary>When the latest NPS was given.</summary>
    public DateTimeOffset? LastNpsAt => _state.Satisfaction.LastNpsAt;

    /// <summary>The latest customer effort score (1–7).</summary>
    public int? LastCes => _state.Satisfaction.LastCes;

    /// <summary>When the latest effort score was given.</summary>
    public DateTimeOffset? LastCesAt => _state.Satisfaction.LastCesAt;

    /// <summary>Complaints opened and not yet resolved, oldest first.</summary>
    public IReadOnlyList<OpenComplaint> OpenComplaints => _state.Satisfaction.OpenComplaints.AsReadOnly();

    /// <summary>The latest consent decision per contact channel and purpose.</summary>
    public IReadOnlyList<ConsentRecord> Consent => _state.Consent.AsReadOnly();

    /// <summary>The latest interactions, newest first.</summary>
    public IReadOnlyList<RecentInteraction> Recent => _recent ??= _state.Recent.AsReadOnly();
}
