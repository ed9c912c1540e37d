using System.Diagnostics;
using System.Diagnostics.Metrics;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Value;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Failures;
using CustomerEngine.Engagement.Handlers;
using CustomerEngine.Engagement.Learning;
using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Engagement.Suggestions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Engagement;

/// <summary>
/// The engine-wide side of live suggestions that customer grains share: the arbitrator with the
/// built-in and plug-in providers and weight rules, the plug-in event handlers, the learned
/// propensities and the catalog. Grains call it inside their turn with their own state.
/// </summary>
public sealed class SuggestionEngine
{
    private static readonly Meter Meter = new(EngagementTelemetry.SourceName);
    private static readonly Counter<long> ExtensionFailures = Meter.CreateCounter<long>(EngagementTelemetry.ExtensionFailuresInstrumentName, "{failure}", "Plug-in providers, weight rules and event handlers that threw");
    private static readonly Counter<long> SuggestionsPresented = Meter.CreateCounter<long>(EngagementTelemetry.SuggestionsPresentedInstrumentName, "{suggestion}", "Suggestions that became current");
    private static readonly Counter<long> OutcomesRecorded = Meter.CreateCounter<long>(EngagementTelemetry.SuggestionOutcomesInstrumentName, "{outcome}", "Suggestion outcomes recorded");
    private static readonly Counter<long> CampaignPresentations = Meter.CreateCounter<long>(EngagementTelemetry.CampaignPresentationsInstrumentName, "{presentation}", "Campaign offers that became one of a customer's current suggestions");

    private readonly Arbitrator _arbitrator;
    private readonly EngagementEventDispatcher _dispatcher;
    private readonly ICrossSellModelReader? _crossSell;
    private readonly ILogger<SuggestionEngine> _logger;
    private readonly OutcomeTally _tally;
    private readonly ISuggestionObserver[] _observers;
    private readonly IVersionedCandidateProvider[] _versionedProviders;
    private readonly Random? _seeded;
    private readonly Lock _seededLock = new();

    /// <summary>Built by the container from the registered providers, rules and handlers.</summary>
    public SuggestionEngine(
        IEnumerable<ICandidateActionProvider> providers,
        IEnumerable<IContextWeightRule> weightRules,
        IEnumerable<IEngagementEventHandler> handlers,
        IEnumerable<ISuggestionObserver> observers,
        ActionCatalogHolder catalog,
        OutcomeTally tally,
        IOptions<EngagementOptions> options,
        IServiceProvider services,
        ILogger<SuggestionEngine> logger)
    {
        var settings = options.Value;
        var extraProviders = providers.ToArray();
        _arbitrator = Arbitrator.CreateDefault(settings.ToContactPolicy(), extraProviders: extraProviders, extraRules: weightRules);
        _versionedProviders = [.. extraProviders.OfType<IVersionedCandidateProvider>()];
        _observers = [.. observers];
        _dispatcher = new EngagementEventDispatcher(handlers);
        _crossSell = services.GetService(typeof(ICrossSellModelReader)) as ICrossSellModelReader;
        _seeded = settings.Seed is { } seed ? new Random(seed) : null;
        Catalog = catalog;
        _tally = tally;
        _logger = logger;
    }

    /// <summary>The catalog in force.</summary>
    public ActionCatalogHolder Catalog { get; }

    /// <summary>The learned propensities.</summary>
    public PropensityModel Propensity { get; private set; } = new();

    /// <summary>Puts back the propensities learned before a restart (at start-up, before traffic).</summary>
    public void RestoreLearning(PropensitySnapshot snapshot) => Propensity = PropensityModel.Restore(snapshot);

    /// <summary>The contact policy in force.</summary>
    public ContactPolicyOptions Policy => _arbitrator.Options;

    /// <summary>
    /// The sum of the versions of the providers whose proposals change without customer events
    /// (<see cref="IVersionedCandidateProvider"/>); suggestions decided under a smaller value are stale.
    /// </summary>
    public long ProvidersVersion
    {
        get
        {
            long version = 0;
            foreach (var provider in _versionedProviders)
            {
                version += provider.Version;
            }

            return version;
        }
    }

    /// <summary>Whether any plug-in event handler is registered (otherwise dispatch can be skipped).</summary>
    public bool HasEventHandlers => _dispatcher.Handlers.Count > 0;

    /// <summary>Decides <paramref name="state"/>'s current suggestions now.</summary>
    public ArbitrationResult Arbitrate(
        CustomerState state, DateTimeOffset now, ValueDistribution values, CustomerRules rules, CustomerValueModel? model,
        ContactHistory history, CustomerEvent? trigger, string? presentInStoreId)
    {
        var view = Domain.Views.CustomerViews.ForDecision(state, now, values, rules, model);
        var context = new EngagementContext(view, state, now, Catalog.Current)
        {
            CrossSell = _crossSell?.Model,
            TriggeringEvent = trigger,
            PresentInStoreId = presentInStoreId,
            Contact = history,
        };
        // A child of the grain call that decides, so a trace shows what an event made the engine suggest.
        using var activity = EngagementTelemetry.ActivitySource.StartActivity(EngagementTelemetry.ArbitrationSpanName, ActivityKind.Internal);
        ArbitrationResult result;
        if (_seeded is null)
        {
            // Random.Shared is safe to share: grains arbitrate in parallel without waiting on each other.
            result = _arbitrator.Arbitrate(context, Propensity, history, Random.Shared);
        }
        else
        {
            // A seeded Random is not thread-safe; reproducible runs (tests, demos) pay with a lock.
            lock (_seededLock)
            {
                result = _arbitrator.Arbitrate(context, Propensity, history, _seeded);
            }
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("engagement.suggestions", result.Suggestions.Count);
            activity.SetTag("engagement.presented", result.Presented.Count);
            activity.SetTag("engagement.suppressed", result.Suppressed.Count);
            activity.SetTag("engagement.recovery_applies", result.RecoveryApplies);
            if (result.Failures.Count > 0)
            {
                activity.SetTag("engagement.extension_failures", result.Failures.Count);
            }
        }

        Report(state.CustomerId, result.Failures);
        foreach (var presented in result.Presented)
        {
            SuggestionsPresented.Add(1, new KeyValuePair<string, object?>("kind", presented.Kind));
            if (presented.Kind == ActionKinds.CampaignOffer)
            {
                // Action ids come from the catalog, so there are as many series as live campaigns.
                CampaignPresentations.Add(1, new KeyValuePair<string, object?>("campaign.id", presented.ActionId));
            }
            _tally.Presented(presented.Kind);
        }

        foreach (var observer in _observers)
        {
            Observe(observer, state.CustomerId, o => o.Arbitrated(context, result));
        }

        return result;
    }

    /// <summary>Runs the plug-in event handlers on one applied event; failures are logged and counted, never thrown.</summary>
    public EventHandlingResult Dispatch(CustomerEvent applied, CustomerState state, DateTimeOffset now, IReadOnlyList<LifecycleTransition>? transitions)
    {
        var result = _dispatcher.Dispatch(applied, state, now, transitions);
        Report(state.CustomerId, result.Failures);
        return result;
    }

    /// <summary>Records an outcome in <paramref name="history"/> and teaches the propensities once.</summary>
    public OutcomeRecording RecordOutcome(ContactHistory history, string suggestionId, SuggestionOutcome outcome, DateTimeOffset at)
    {
        var recording = SuggestionOutcomes.Record(history, Propensity, suggestionId, outcome, at);
        if (recording.Status == OutcomeStatus.Recorded)
        {
            _tally.Record(recording.Presentation?.Kind ?? "unknown", outcome);
            OutcomesRecorded.Add(1, new KeyValuePair<string, object?>("kind", recording.Presentation?.Kind), new KeyValuePair<string, object?>("outcome", outcome == SuggestionOutcome.Accepted ? "accepted" : "dismissed"));
            if (recording.Presentation is { } presentation && SuggestionIds.TryGetCustomer(suggestionId, out var customerId))
            {
                foreach (var observer in _observers)
                {
                    Observe(observer, customerId, o => o.OutcomeRecorded(customerId, presentation, outcome, at));
                }
            }
        }

        return recording;
    }

    // An observer that throws is logged and counted like any plug-in, never fatal to the grain.
    private void Observe(ISuggestionObserver observer, string customerId, Action<ISuggestionObserver> call)
    {
        try
        {
            call(observer);
        }
        catch (Exception e)
        {
            Report(customerId, [new ExtensionFailure(observer.GetType().Name, ExtensionKind.Provider, $"{e.GetType().Name}: {e.Message}", e)]);
        }
    }

    private void Report(string customerId, IReadOnlyList<ExtensionFailure> failures)
    {
        foreach (var failure in failures)
        {
            ExtensionFailures.Add(1, new KeyValuePair<string, object?>("extension", failure.Name), new KeyValuePair<string, object?>("kind", failure.Kind.ToString()));
            _logger.LogError(failure.Exception, "Engagement plug-in {Extension} ({Kind}) failed for customer {CustomerId}: {Message}; skipped", failure.Name, failure.Kind, customerId, failure.Message);
        }
    }
}
