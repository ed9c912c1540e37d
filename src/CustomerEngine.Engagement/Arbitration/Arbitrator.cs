using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Failures;
using CustomerEngine.Engagement.Learning;
using CustomerEngine.Engagement.Providers;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Engagement.Weighting;

namespace CustomerEngine.Engagement.Arbitration;

/// <summary>
/// Decides a customer's current suggestions (DOMAIN.md §6): gathers the providers' candidates,
/// withholds those eligibility, consent, service recovery and the contact policy rule out, ranks
/// the rest by priority = propensity × context weight × value × lever, and keeps the top N.
/// </summary>
/// <remarks>
/// Immutable and pure: the same inputs (including the seed of the <see cref="Random"/>) give the
/// same result, and nothing passed in is changed; the updated contact history is returned. While
/// service recovery applies, its actions rank on top whatever their priority and every sales action
/// is withheld. A suggestion that stays current keeps its id, creation time, expiry and the
/// propensity drawn when it was presented, so recomputing does not reshuffle it.
/// </remarks>
public sealed class Arbitrator
{
    /// <summary>Creates an arbitrator over <paramref name="providers"/> and <paramref name="weightRules"/>.</summary>
    /// <param name="providers">Who proposes candidates; asked in this order.</param>
    /// <param name="weightRules">How the moment weighs candidates; multiplied together.</param>
    /// <param name="options">The contact policy; the defaults when null.</param>
    public Arbitrator(IEnumerable<ICandidateActionProvider> providers, IEnumerable<IContextWeightRule> weightRules, ContactPolicyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(weightRules);
        Providers = providers.ToArray();
        WeightRules = weightRules.ToArray();
        Options = options ?? ContactPolicyOptions.Default;
        if (Providers.Any(p => p is null) || WeightRules.Any(r => r is null))
        {
            throw new ArgumentException("Providers and weight rules cannot be null.", nameof(providers));
        }
    }

    /// <summary>The providers, in the order they are asked.</summary>
    public IReadOnlyList<ICandidateActionProvider> Providers { get; }

    /// <summary>The context-weight rules.</summary>
    public IReadOnlyList<IContextWeightRule> WeightRules { get; }

    /// <summary>The contact policy.</summary>
    public ContactPolicyOptions Options { get; }

    /// <summary>An arbitrator with every built-in provider and weight rule, plus <paramref name="extraProviders"/> and <paramref name="extraRules"/>.</summary>
    public static Arbitrator CreateDefault(
        ContactPolicyOptions? options = null,
        BuiltInProviderOptions? providerOptions = null,
        IEnumerable<ICandidateActionProvider>? extraProviders = null,
        IEnumerable<IContextWeightRule>? extraRules = null)
    {
        options ??= ContactPolicyOptions.Default;
        return new Arbitrator(
            BuiltInProviders.Create(options, providerOptions).Concat(extraProviders ?? []),
            BuiltInWeightRules.Create().Concat(extraRules ?? []),
            options);
    }

    /// <summary>Decides the current suggestions of the customer in <paramref name="context"/>.</summary>
    /// <param name="context">The customer and the moment.</param>
    /// <param name="propensity">The learned propensities; only read.</param>
    /// <param name="history">The customer's contact history so far.</param>
    /// <param name="random">The source of Thompson draws and new suggestion ids; seed it for reproducible results.</param>
    public ArbitrationResult Arbitrate(EngagementContext context, PropensityModel propensity, ContactHistory history, Random random)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(propensity);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(random);
        var now = context.Now;
        var failures = new List<ExtensionFailure>();
        var suppressed = new List<SuppressedCandidate>();
        var segmentKey = SegmentKeys.Of(context.Customer);

        // Sorted by id so the Thompson draws, and therefore the result, do not depend on provider order.
        var merged = Gather(context, failures);
        var eligible = new List<MergedCandidate>();
        foreach (var candidate in merged)
        {
            if (candidate.Action.Eligibility.WhyExcluded(context.Customer) is { } why)
            {
                suppressed.Add(new(candidate.ToCandidate(), SuppressionReason.Ineligible, why));
            }
            else if (candidate.Action.Eligibility.RequiredConsent is { } consent && !ConsentRules.IsGranted(context.State.Consent, consent))
            {
                suppressed.Add(new(candidate.ToCandidate(), SuppressionReason.Consent, $"no consent for {consent.Channel}{(consent.Purpose is null ? string.Empty : "/" + consent.Purpose)}"));
            }
            else
            {
                eligible.Add(candidate);
            }
        }

        var recoveryCauses = ServiceRecoveryCondition.Causes(context.State, now, Options.RecoveryWindow);
        var recoveryApplies = recoveryCauses.Count > 0 || eligible.Any(m => IsRecovery(m.Action));
        // The latest current presentation of each action; a loop, as it runs at every decision.
        Dictionary<string, ContactPresentation>? current = null;
        var held = history.Presentations;
        for (var i = 0; i < held.Count; i++)
        {
            var presentation = held[i];
            if (!presentation.IsCurrentAt(now))
            {
                continue;
            }

            current ??= new Dictionary<string, ContactPresentation>(StringComparer.Ordinal);
            if (!current.TryGetValue(presentation.ActionId, out var kept) || presentation.PresentedAt > kept.PresentedAt)
            {
                current[presentation.ActionId] = presentation;
            }
        }

        var contenders = new List<(MergedCandidate Candidate, ContactPresentation? Incumbent)>();
        foreach (var candidate in eligible)
        {
            var incumbent = current?.GetValueOrDefault(candidate.Action.Id);
            if (recoveryApplies && candidate.Action.IsSales)
            {
                var detail = recoveryCauses.Count > 0 ? "service recovery comes first: " + string.Join("; ", recoveryCauses) : "service recovery comes first";
                suppressed.Add(new(candidate.ToCandidate(), SuppressionReason.Recovery, detail));
            }
            else if (incumbent is null && ContactPolicy.Blocks(history, candidate.Action, now, Options) is { } block)
            {
                suppressed.Add(new(candidate.ToCandidate(), block.Reason, block.Detail));
            }
            else
            {
                contenders.Add((candidate, incumbent));
            }
        }

        var candidates = new ActionCandidate[contenders.Count];
        for (var i = 0; i < candidates.Length; i++)
        {
            candidates[i] = contenders[i].Candidate.ToCandidate();
        }

        var weights = RuleWeights(candidates, context, failures);
        var ranked = new List<Contender>(contenders.Count);
        for (var i = 0; i < contenders.Count; i++)
        {
            var (candidate, incumbent) = contenders[i];
            var action = candidate.Action;
            var factors = new PriorityFactors(
                incumbent?.Propensity ?? propensity.Sample(action.Id, segmentKey, random),
                candidate.Weight * weights[i],
                candidate.ValueOverride ?? action.Value,
                action.Lever);
            ranked.Add(new Contender(candidates[i], incumbent, factors, factors.Propensity * factors.ContextWeight * factors.Value * factors.Lever));
        }

        ranked.Sort(static (x, y) =>
        {
            var byRecovery = IsRecovery(y.Candidate.Action).CompareTo(IsRecovery(x.Candidate.Action));
            if (byRecovery != 0)
            {
                return byRecovery;
            }

            var byPriority = y.Priority.CompareTo(x.Priority);
            return byPriority != 0 ? byPriority : string.CompareOrdinal(x.Candidate.Action.Id, y.Candidate.Action.Id);
        });

        return Select(context, ranked, history, segmentKey, random, suppressed, failures, recoveryApplies);
    }

    private static bool IsRecovery(ActionDefinition action) => action.Kind == ActionKinds.ServiceRecovery;

    private ArbitrationResult Select(
        EngagementContext context,
        List<Contender> ranked,
        ContactHistory history,
        string segmentKey,
        Random random,
        List<SuppressedCandidate> suppressed,
        List<ExtensionFailure> failures,
        bool recoveryApplies)
    {
        var now = context.Now;
        var presentedToday = ContactPolicy.PresentedInLastDay(history, now);
        var suggestions = new List<Suggestion>(Math.Min(ranked.Count, Options.TopN));

        // Most decisions present nothing new and withdraw nothing: these are made only when needed.
        List<Suggestion>? presented = null;
        List<ContactPresentation>? newPresentations = null;
        List<string>? kept = null;
        foreach (var contender in ranked)
        {
            if (suggestions.Count >= Options.TopN)
            {
                break;
            }

            var action = contender.Candidate.Action;
            if (contender.Incumbent is { } incumbent)
            {
                (kept ??= new List<string>(Options.TopN)).Add(incumbent.SuggestionId);
                suggestions.Add(ToSuggestion(contender, incumbent.SuggestionId, incumbent.PresentedAt, incumbent.ExpiresAt));
                continue;
            }

            if (ContactPolicy.CountsTowardCap(action.Kind) && presentedToday >= Options.MaxPresentedPerDay)
            {
                suppressed.Add(new(contender.Candidate, SuppressionReason.Cap, $"already {presentedToday} presentations in the last 24 hours (at most {Options.MaxPresentedPerDay})"));
                continue;
            }

            if (ContactPolicy.CountsTowardCap(action.Kind))
            {
                presentedToday++;
            }

            var suggestion = ToSuggestion(contender, SuggestionIds.Create(context.Customer.CustomerId, random), now, now + action.Validity);
            suggestions.Add(suggestion);
            (presented ??= []).Add(suggestion);
            (newPresentations ??= []).Add(new ContactPresentation(action.Id, suggestion.SuggestionId, now, suggestion.ExpiresAt)
            {
                Kind = action.Kind,
                SegmentKey = segmentKey,
                Propensity = contender.Factors.Propensity,
            });
        }

        List<string>? withdrawn = null;

        // The history is copied from its first change on; unchanged, the customer keeps the one it
        // holds, so no copy dies old with the customer's state.
        List<ContactPresentation>? presentations = null;
        var held = history.Presentations;
        for (var i = 0; i < held.Count; i++)
        {
            var p = held[i];
            ContactPresentation? ended = null;
            if (p.IsCurrentAt(now) && kept?.Contains(p.SuggestionId) != true)
            {
                (withdrawn ??= []).Add(p.SuggestionId);
                ended = p with { EndedAt = now };
            }
            else if (p is { Outcome: null, EndedAt: null } && p.ExpiresAt <= now)
            {
                // Expired since the last arbitration: record when it ended, so the history says so by itself.
                ended = p with { EndedAt = p.ExpiresAt };
            }

            if (ended is not null && presentations is null)
            {
                presentations = new List<ContactPresentation>(held.Count + (newPresentations?.Count ?? 0));
                for (var j = 0; j < i; j++)
                {
                    presentations.Add(held[j]);
                }
            }

            presentations?.Add(ended ?? p);
        }

        if (newPresentations is not null)
        {
            if (presentations is null)
            {
                presentations = new List<ContactPresentation>(held.Count + newPresentations.Count);
                presentations.AddRange(held);
            }

            presentations.AddRange(newPresentations);
        }

        var updated = (presentations is null ? history : new ContactHistory(presentations)).Prune(now, Options);
        return new ArbitrationResult(suggestions, presented ?? [], withdrawn ?? [], suppressed, failures, updated, recoveryApplies, segmentKey);
    }

    private static Suggestion ToSuggestion(Contender contender, string suggestionId, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        var action = contender.Candidate.Action;
        return new Suggestion(
            suggestionId, action.Id, action.Kind, action.Title, contender.Candidate.Reasons, contender.Factors, contender.Priority, createdAt, expiresAt);
    }

    // Sorted by action id, with each id's proposals merged in provider order.
    private List<MergedCandidate> Gather(EngagementContext context, List<ExtensionFailure> failures)
    {
        // A list sorted once, rather than a dictionary by id: a decision gathers a few dozen
        // candidates, and the sort by id is needed anyway. Every decision gathers, so the list is
        // kept per thread (taken while in use, in case a provider arbitrates too).
        var proposals = t_proposals ?? new List<Proposal>(64);
        t_proposals = null;
        try
        {
            GatherInto(proposals, context, failures);
            return Merge(proposals);
        }
        finally
        {
            // Cleared so the kept list holds no candidate alive until the thread's next decision,
            // and not kept at all after a plug-in proposed thousands.
            proposals.Clear();
            t_proposals = proposals.Capacity <= 1024 ? proposals : null;
        }
    }

    private void GatherInto(List<Proposal> proposals, EngagementContext context, List<ExtensionFailure> failures)
    {
        foreach (var provider in Providers)
        {
            IReadOnlyList<ActionCandidate> proposed;
            string name;
            try
            {
                name = provider.Name;

                // Materialised inside the try: a lazy sequence throws while it is enumerated. A list
                // the provider already made is read as it is.
                proposed = provider.Propose(context) switch
                {
                    null => [],
                    IReadOnlyList<ActionCandidate> list => list,
                    var sequence => sequence.ToList(),
                };
            }
            catch (Exception e)
            {
                failures.Add(new ExtensionFailure(SafeName(provider), ExtensionKind.Provider, $"{e.GetType().Name}: {e.Message}", e));
                continue;
            }

            for (var i = 0; i < proposed.Count; i++)
            {
                var candidate = proposed[i];
                if (Invalid(candidate) is { } problem)
                {
                    failures.Add(new ExtensionFailure(name, ExtensionKind.Provider, "proposed an invalid candidate: " + problem));
                    continue;
                }

                proposals.Add(new Proposal(candidate!, name, proposals.Count));
            }
        }
    }

    private static List<MergedCandidate> Merge(List<Proposal> proposals)
    {
        // The order breaks ties, so the first proposal of an id is merged into first, as asked.
        proposals.Sort(static (x, y) =>
        {
            var byId = string.CompareOrdinal(x.Candidate.Action.Id, y.Candidate.Action.Id);
            return byId != 0 ? byId : x.Order.CompareTo(y.Order);
        });
        var merged = new List<MergedCandidate>(proposals.Count);
        MergedCandidate? last = null;
        foreach (var (candidate, source, _) in proposals)
        {
            // Stamped with the provider's name as it is merged (no copy of the candidate).
            if (last is not null && string.Equals(last.Action.Id, candidate.Action.Id, StringComparison.Ordinal))
            {
                last.Add(candidate, source);
            }
            else
            {
                last = new MergedCandidate(candidate, source);
                merged.Add(last);
            }
        }

        return merged;
    }

    private static string? Invalid(ActionCandidate? candidate)
    {
        if (candidate?.Action is not { } action)
        {
            return "no action";
        }

        if (candidate.Reasons is null)
        {
            return $"{action.Id}: no reasons";
        }

        if (!(double.IsFinite(candidate.ContextWeight) && candidate.ContextWeight >= 0))
        {
            return $"{action.Id}: context weight {candidate.ContextWeight} is not a finite number of at least 0";
        }

        if (candidate.ValueOverride is { } value && !(double.IsFinite(value) && value > 0))
        {
            return $"{action.Id}: value override {value} is not a finite number greater than 0";
        }

        if (CatalogValidation.IsValid(action))
        {
            return null;
        }

        var errors = CatalogValidation.Check(0, [(0, action)]);
        return errors.Count > 0 ? $"{action.Id}: " + string.Join("; ", errors.Select(e => e.Field.Replace("actions[0].", string.Empty, StringComparison.Ordinal) + " " + e.Message)) : null;
    }

    // A rule that fails for any candidate is left out for all of them, so every candidate is weighed by the same rules.
    private double[] RuleWeights(ActionCandidate[] candidates, EngagementContext context, List<ExtensionFailure> failures)
    {
        var product = new double[candidates.Length];
        Array.Fill(product, 1.0);
        var weights = new double[candidates.Length];
        foreach (var rule in WeightRules)
        {
            try
            {
                string? problem = null;
                for (var i = 0; i < candidates.Length && problem is null; i++)
                {
                    weights[i] = rule.Weigh(candidates[i], context);
                    if (!(double.IsFinite(weights[i]) && weights[i] >= 0))
                    {
                        problem = $"weighed {candidates[i].Action.Id} at {weights[i]}, not a finite number of at least 0";
                    }
                }

                if (problem is not null)
                {
                    failures.Add(new ExtensionFailure(rule.Name, ExtensionKind.WeightRule, problem));
                    continue;
                }
            }
            catch (Exception e)
            {
                failures.Add(new ExtensionFailure(SafeName(rule), ExtensionKind.WeightRule, $"{e.GetType().Name}: {e.Message}", e));
                continue;
            }

            for (var i = 0; i < candidates.Length; i++)
            {
                product[i] *= weights[i];
            }
        }

        return product;
    }

    private static string SafeName(ICandidateActionProvider provider)
    {
        try
        {
            return provider.Name;
        }
        catch (Exception)
        {
            return provider.GetType().FullName ?? provider.GetType().Name;
        }
    }

    private static string SafeName(IContextWeightRule rule)
    {
        try
        {
            return rule.Name;
        }
        catch (Exception)
        {
            return rule.GetType().FullName ?? rule.GetType().Name;
        }
    }

    [ThreadStatic]
    private static List<Proposal>? t_proposals;

    private readonly record struct Proposal(ActionCandidate Candidate, string Source, int Order);

    private readonly record struct Contender(ActionCandidate Candidate, ContactPresentation? Incumbent, PriorityFactors Factors, double Priority);
}
