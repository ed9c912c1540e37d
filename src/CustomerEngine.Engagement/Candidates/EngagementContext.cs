using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Contact;

namespace CustomerEngine.Engagement.Candidates;

/// <summary>
/// Everything a provider or weight rule may look at for one customer at one moment. Time is
/// <see cref="Now"/>, never the clock, so arbitration over last year's state gives last year's answer.
/// </summary>
public sealed class EngagementContext
{
    /// <summary>Creates the context of <paramref name="customer"/> at <paramref name="now"/>.</summary>
    /// <param name="customer">The customer's unified view, as of <paramref name="now"/>.</param>
    /// <param name="state">The customer's state; read, never changed.</param>
    /// <param name="now">The moment of the decision.</param>
    /// <param name="catalog">The actions providers draw from.</param>
    /// <exception cref="ArgumentException">The view and the state are of different customers.</exception>
    public EngagementContext(Customer360 customer, CustomerState state, DateTimeOffset now, ActionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!string.Equals(customer.CustomerId, state.CustomerId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The view is of {customer.CustomerId} but the state of {state.CustomerId}.", nameof(state));
        }

        Customer = customer;
        State = new ReadOnlyCustomerState(state);
        Now = now;
        Catalog = catalog;
    }

    // The built-in providers' common placeholder words, made by the first provider that needs them.
    internal KeyValuePair<string, string>[]? CommonWords { get; set; }

    /// <summary>
    /// The customer's unified view: stage, value tier, segments, satisfaction, consent. Like
    /// <see cref="State"/>, read it during the decision: the engine's view reads the state's own
    /// collections (<see cref="CustomerViews.ForDecision"/>).
    /// </summary>
    public Customer360 Customer { get; }

    /// <summary>Read-only access to the customer's state, for what the view does not show.</summary>
    public ReadOnlyCustomerState State { get; }

    /// <summary>The moment of the decision.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The action catalog in force.</summary>
    public ActionCatalog Catalog { get; }

    /// <summary>The engine-wide cross-sell model, when the host has one; providers only read it.</summary>
    public CrossSellModel? CrossSell { get; init; }

    /// <summary>
    /// The customer's current basket: the cart lines added since the last purchase. Unless the
    /// caller passes it, it is derived from the recent interactions (SKUs only; a triggering
    /// <c>cart.added</c> adds its category and price), which is as far back as the state remembers.
    /// </summary>
    public IReadOnlyList<BasketLine> Basket
    {
        get => field ??= CartLines.Derive(State, TriggeringEvent);
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Lines the customer bought recently, when the caller knows them (the state keeps purchase
    /// totals, not their items); empty otherwise.
    /// </summary>
    public IReadOnlyList<BasketLine> RecentPurchases
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    } = [];

    /// <summary>The event that prompted this decision, if any (a store entry, a cart addition…).</summary>
    public CustomerEvent? TriggeringEvent { get; init; }

    /// <summary>
    /// The customer's contact history before this decision, when the caller has it: a provider can
    /// tell from it which of its actions are current suggestions (and keep proposing them) without
    /// state of its own. Empty when not given.
    /// </summary>
    public ContactHistory Contact
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    } = ContactHistory.Empty;

    /// <summary>The store the customer is in right now, as the host's presence tracking knows it; null when not in a store.</summary>
    public string? PresentInStoreId { get; init; }

    /// <summary>
    /// Value-model outputs (probability alive, lifetime value): as the caller sets them, or else from
    /// the view's value-model fields; null when neither has them.
    /// </summary>
    public CustomerValueSignals? ValueSignals
    {
        get => field ?? (Customer.Value is { PAlive: null, Clv: null } ? null : new CustomerValueSignals(Customer.Value.PAlive, Customer.Value.Clv));
        init;
    }

    /// <summary>
    /// The context of the customer whose state is <paramref name="state"/>, building the unified view
    /// from it (see <see cref="CustomerViews.ForDecision"/>: valid until the state next changes).
    /// Other inputs are set with initialisers.
    /// </summary>
    public static EngagementContext For(
        CustomerState state, DateTimeOffset now, ActionCatalog catalog, ValueDistribution values, CustomerRules rules, CustomerValueModel? valueModel = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new EngagementContext(CustomerViews.ForDecision(state, now, values, rules, valueModel), state, now, catalog);
    }
}
