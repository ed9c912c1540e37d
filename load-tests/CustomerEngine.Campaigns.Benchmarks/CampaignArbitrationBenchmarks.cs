using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Learning;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Grains.Engagement;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Campaigns.Benchmarks;

/// <summary>
/// What live campaigns add to one customer's decision (docs/performance.md, figure 9): the campaign
/// provider and observer evaluating 100 active campaigns for a customer who just bought a tent
/// (every audience, trigger and holdout check, the counting, reservations and their settling),
/// and the whole arbitration with and without them, built as <c>SuggestionEngine</c> builds it.
/// Each operation is another of 4,096 customers with a new event; each customer's state already
/// holds the purchase, as the grain's does when it arbitrates.
/// <see cref="CampaignEvaluationNothingCurrent"/> is the worst case: no offer is ever presented,
/// so every standing and triggered offer is proposed again at every decision.
/// <see cref="CampaignEvaluationPerCustomer"/> is the steady state: what a decision proposes is
/// presented, and stays a current suggestion at the customer's next decision, as in the engine.
/// </summary>
[MemoryDiagnoser]
public class CampaignArbitrationBenchmarks
{
    private const int Customers = 4_096;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(7);
    private ActiveCampaigns _campaigns = null!;
    private LiveCampaignOffers _offers = null!;
    private Arbitrator _withCampaigns = null!;
    private Arbitrator _withoutCampaigns = null!;
    private (Customer360 View, CustomerState State)[] _customers = null!;
    private ActionCatalog _catalog = null!;
    private PropensityModel _propensity = null!;
    private ArbitrationResult _nothingPresented = null!;
    private ContactHistory[] _histories = null!;
    private ContactHistory[] _withHistories = null!;
    private ContactHistory[] _withoutHistories = null!;
    private long _sequence;

    /// <summary>The number of active campaigns.</summary>
    [Params(100)]
    public int Campaigns { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _campaigns = CampaignMix.StartAsync(Campaigns).GetAwaiter().GetResult();
        _offers = new LiveCampaignOffers(_campaigns, Options.Create(new EngagementOptions()));
        _catalog = ActionCatalog.LoadDefault();
        _propensity = new PropensityModel();
        // As SuggestionEngine builds it: the contact policy from the engagement options, campaigns as an extra provider.
        var policy = new EngagementOptions().ToContactPolicy();
        _withCampaigns = Arbitrator.CreateDefault(policy, extraProviders: [_offers]);
        _withoutCampaigns = Arbitrator.CreateDefault(policy);
        _customers = [.. Enumerable.Range(0, Customers).Select(Customer)];
        _nothingPresented = new ArbitrationResult([], [], [], [], [], ContactHistory.Empty, false, "segment");
        _histories = [.. Enumerable.Repeat(ContactHistory.Empty, Customers)];
        _withHistories = [.. Enumerable.Repeat(ContactHistory.Empty, Customers)];
        _withoutHistories = [.. Enumerable.Repeat(ContactHistory.Empty, Customers)];
    }

    /// <summary>The campaign provider and observer for one customer's decision, in the steady state: the campaigns' own cost.</summary>
    [Benchmark(Baseline = true)]
    public int CampaignEvaluationPerCustomer()
    {
        var slot = (int)(_sequence % Customers);
        var context = NextContext(_histories[slot]);
        var proposed = _offers.Propose(context).ToList();
        var presented = new List<Suggestion>();
        var history = context.Contact.Presentations;
        HashSet<string>? current = null;
        foreach (var candidate in proposed)
        {
            current ??= [.. history.Select(p => p.ActionId)];
            if (!current.Contains(candidate.Action.Id))
            {
                var suggestion = new Suggestion(
                    "s-" + _sequence.ToString(CultureInfo.InvariantCulture) + candidate.Action.Id, candidate.Action.Id, candidate.Action.Kind, candidate.Action.Title,
                    candidate.Reasons, new PriorityFactors(0.5, 1, candidate.Action.Value, candidate.Action.Lever), 1, Now, Now + candidate.Action.Validity);
                presented.Add(suggestion);
            }
        }

        if (presented.Count > 0)
        {
            _histories[slot] = new ContactHistory([.. history, .. presented.Select(s => new ContactPresentation(s.ActionId, s.SuggestionId, Now, s.ExpiresAt) { Kind = s.Kind })]);
        }

        _offers.Arbitrated(context, presented.Count == 0 ? _nothingPresented : new ArbitrationResult(presented, presented, [], [], [], _histories[slot], false, "segment"));
        return proposed.Count;
    }

    /// <summary>The same when nothing is ever presented: every offer is proposed and settled again at each decision.</summary>
    [Benchmark]
    public int CampaignEvaluationNothingCurrent()
    {
        var context = NextContext();
        var proposed = _offers.Propose(context);
        _offers.Arbitrated(context, _nothingPresented);
        return proposed is ICollection<ActionCandidate> list ? list.Count : 0;
    }

    /// <summary>
    /// A whole arbitration of one customer with the built-in providers and 100 campaigns, each
    /// customer keeping the contact history its previous arbitration returned, as a grain does.
    /// </summary>
    [Benchmark]
    public int ArbitrationWithCampaigns()
    {
        var slot = (int)(_sequence % Customers);
        var context = NextContext(_withHistories[slot]);
        var result = _withCampaigns.Arbitrate(context, _propensity, context.Contact, _random);
        _offers.Arbitrated(context, result);
        _withHistories[slot] = result.History;
        return result.Suggestions.Count;
    }

    /// <summary>The same arbitration with the built-in providers only.</summary>
    [Benchmark]
    public int ArbitrationWithoutCampaigns()
    {
        var slot = (int)(_sequence % Customers);
        var context = NextContext(_withoutHistories[slot]);
        var result = _withoutCampaigns.Arbitrate(context, _propensity, context.Contact, _random);
        _withoutHistories[slot] = result.History;
        return result.Suggestions.Count;
    }

    private EngagementContext NextContext(ContactHistory? history = null)
    {
        var n = _sequence++;
        var (view, state) = _customers[n % Customers];
        // A new event id each time: every decision is prompted by an occurrence campaigns have not counted yet.
        var purchase = TentPurchase("bench-" + n.ToString(CultureInfo.InvariantCulture), view.CustomerId, "o-" + n.ToString(CultureInfo.InvariantCulture));
        return new EngagementContext(view, state, Now, _catalog) { TriggeringEvent = purchase, PresentInStoreId = "S1", Contact = history ?? ContactHistory.Empty };
    }

    private static CustomerEvent TentPurchase(string eventId, string customerId, string orderId) => new(
        eventId, customerId, null, EventTypes.Purchase, Now.AddSeconds(-1), "S1", EventChannel.Store,
        new Purchase(orderId, [new PurchaseItem("TENT-1", "tents", "Nordic", 160m, 1, 0m), new PurchaseItem("MAT-1", "mats", "Nordic", 30m, 1, 0m)], 190m));

    private static (Customer360, CustomerState) Customer(int i)
    {
        var id = "customer-" + i.ToString(CultureInfo.InvariantCulture);
        var events = new List<SequencedEvent>
        {
            new(1, new CustomerEvent($"{id}-r", id, null, EventTypes.CustomerRegistered, Now.AddDays(-300), null, EventChannel.Online,
                new CustomerRegistered("Ada", CustomerKind.Individual, "S" + ((i % 4) + 1).ToString(CultureInfo.InvariantCulture), new Dictionary<string, string> { ["segmentNote"] = i % 3 == 0 ? "retiree" : "student" }))),
        };
        for (var p = 0; p < 1 + (i % 5); p++)
        {
            events.Add(new SequencedEvent(2 + p, new CustomerEvent($"{id}-p{p}", id, null, EventTypes.Purchase, Now.AddDays(-200 + (p * 30)), "S1", EventChannel.Store,
                new Purchase($"{id}-o{p}", [new PurchaseItem("SKU-" + p.ToString(CultureInfo.InvariantCulture), "stoves", "Primo", 40m + (i % 50), 1, i % 7 == 0 ? 30m : 0m)], 40m + (i % 50) - (i % 7 == 0 ? 30m : 0m)))));
        }

        // The tent purchase that prompts every decision is already in the state, as the grain
        // folds an event before it arbitrates: the customer is an active buyer again, not at risk.
        events.Add(new SequencedEvent(events.Count + 1, TentPurchase(id + "-tent", id, "o-" + id)));
        var state = CustomerEvolver.Replay(id, events, CustomerRules.Default);
        CustomerEvolver.AdvanceTo(state, Now, CustomerRules.Default);
        return (CustomerViews.To360(state, Now, ValueDistribution.Empty, CustomerRules.Default), state);
    }
}
