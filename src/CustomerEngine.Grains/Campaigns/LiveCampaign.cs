using System.Collections.Concurrent;
using System.Diagnostics;
using CustomerEngine.Campaigns.Caps;
using CustomerEngine.Campaigns.Conditions;
using CustomerEngine.Campaigns.Definitions;
using CustomerEngine.Campaigns.Evaluation;
using CustomerEngine.Campaigns.Holdout;
using CustomerEngine.Campaigns.Results;
using CustomerEngine.Campaigns.Triggers;
using CustomerEngine.Engagement.Outcomes;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// One campaign as every customer grain sees it, in memory: the compiled definition and status in
/// force, the exact counts of both groups, the budget, the series and what it remembers of each
/// customer in its audience. Customer grains call it from their own turns, many at once; the
/// counts are Interlocked and each customer's record is changed only in that customer's turn.
/// </summary>
public sealed class LiveCampaign
{
    /// <summary>The prefix of campaign action ids: a campaign's suggestions are <c>campaign:{id}</c>.</summary>
    public const string ActionIdPrefix = "campaign:";

    private readonly ConcurrentDictionary<string, CampaignCustomerState> _customers = new(StringComparer.Ordinal);
    private readonly TimeSpan _attributionWindow;
    private volatile CompiledCampaign? _compiled;
    private int _status;
    private int _inFlight;
    private long _changes;
    private volatile CampaignTotals _elsewhere = CampaignTotals.None;
    private long _elsewhereChanges;

    /// <summary>A campaign with results restored from <paramref name="restored"/> (or none).</summary>
    public LiveCampaign(string id, CampaignOptions options, CampaignResultsState? restored)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(options);
        Id = id;
        ActionId = ActionIdPrefix + id;
        _attributionWindow = options.AttributionWindow;
        Treatment = new GroupCounters(restored?.Treatment ?? GroupCounts.Zero);
        Holdout = new GroupCounters(restored?.Holdout ?? GroupCounts.Zero);
        Series = CampaignSeries.Restore(restored?.Series, options.SeriesBucket);
        Budget = new PresentationBudget(null, Treatment.Read().Presented);
        _changes = restored?.Changes ?? 0;
        foreach (var customer in restored?.Customers ?? [])
        {
            _customers[customer.CustomerId] = customer;
        }
    }

    /// <summary>The campaign's id.</summary>
    public string Id { get; }

    /// <summary>The id of its suggestions' action.</summary>
    public string ActionId { get; }

    /// <summary>The compiled definition in force; null before the first <see cref="Update"/>.</summary>
    public CompiledCampaign? Compiled => _compiled;

    /// <summary>The status in force.</summary>
    public CampaignStatus Status => (CampaignStatus)Volatile.Read(ref _status);

    /// <summary>The treatment group's counts.</summary>
    public GroupCounters Treatment { get; }

    /// <summary>The holdout group's counts.</summary>
    public GroupCounters Holdout { get; }

    /// <summary>The total budget, shared by every grain.</summary>
    public PresentationBudget Budget { get; }

    /// <summary>Counts over time.</summary>
    public CampaignSeries Series { get; }

    /// <summary>Grows with every change of the counts; readers compare it to skip unchanged campaigns.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Customers the campaign found in its audience.</summary>
    public int CustomerCount => _customers.Count;

    /// <summary>Grows with every change of <see cref="Results"/>: this node's counts or the other nodes' (<see cref="SetElsewhere"/>).</summary>
    public long ResultsChanges => Changes + Interlocked.Read(ref _elsewhereChanges);

    /// <summary>This node's counts, for the other nodes sharing the store.</summary>
    public CampaignTotals Totals() => new(Treatment.Read(), Holdout.Read(), Series.Snapshot());

    /// <summary>
    /// The other nodes' counts together, as they last reported them: added to this node's in
    /// <see cref="Results"/>, and their presentations spend the budget here too.
    /// </summary>
    public void SetElsewhere(CampaignTotals elsewhere)
    {
        ArgumentNullException.ThrowIfNull(elsewhere);
        _elsewhere = elsewhere;
        Budget.SetElsewhere(elsewhere.Treatment.Presented);
        Interlocked.Increment(ref _elsewhereChanges);
    }

    /// <summary>
    /// Makes the stored results of a node that is gone this node's own: its counts, series and
    /// budget spent are added, and its customers' records join this node's (merged with a record
    /// this node already has of the same customer, so caps and attribution see every presentation).
    /// </summary>
    public void Absorb(CampaignResultsState gone)
    {
        ArgumentNullException.ThrowIfNull(gone);
        Treatment.Add(gone.Treatment);
        Holdout.Add(gone.Holdout);
        Series.Absorb(gone.Series);
        Budget.Add(gone.Treatment.Presented);
        foreach (var theirs in gone.Customers)
        {
            var customer = _customers.GetOrAdd(theirs.CustomerId, theirs);
            if (ReferenceEquals(customer, theirs))
            {
                continue;
            }

            lock (customer)
            {
                customer.Eligible |= theirs.Eligible;
                customer.Presentations.AddRange(theirs.Presentations);
                customer.Presentations.Sort((a, b) => a.At.CompareTo(b.At));
            }
        }

        Interlocked.Increment(ref _changes);
    }

    /// <summary>Puts a definition and status in force; takes effect at the next decision of every customer.</summary>
    public void Update(CompiledCampaign? compiled, CampaignStatus status)
    {
        _compiled = compiled;
        Budget.SetLimit(compiled?.Budget);

        // A full fence: a decision that starts after this sees the new status (see Consider).
        Interlocked.Exchange(ref _status, (int)status);
        Interlocked.Increment(ref _changes);
    }

    /// <summary>
    /// Evaluates the campaign for one customer's decision and counts what it finds. Returns a
    /// reservation when the offer should come up (a budget slot is then held until
    /// <see cref="Commit"/> or <see cref="Release"/>), or, for a holdout customer, be withheld.
    /// </summary>
    /// <param name="subject">The customer.</param>
    /// <param name="trigger">The event that prompted the decision, if any.</param>
    /// <param name="now">The moment of the decision.</param>
    /// <param name="mayPresent">
    /// False when the contact policy will certainly not let the offer through at this decision
    /// (the daily cap is reached, or the offer is in its repeat window or decline cool-down): the
    /// evaluation is still counted, but nothing is reserved or proposed.
    /// </param>
    /// <param name="states">
    /// The customer's own table of records, following the active set in which this campaign is at
    /// <paramref name="position"/>; null to look the record up in the campaign's table.
    /// </param>
    /// <param name="position">The campaign's position in the active set <paramref name="states"/> follows.</param>
    public CampaignReservation? Consider(
        AudienceSubject subject, TriggerSubject? trigger, DateTimeOffset now, bool mayPresent = true, CustomerCampaignStates? states = null, int position = -1)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_compiled is not { } compiled || !compiled.LooksAt(trigger) || Status != CampaignStatus.Active)
        {
            // Not this campaign's kind of moment, or not running: nothing to count or hold.
            return null;
        }

        var customerId = subject.View.CustomerId;
        var known = states is null
            ? _customers.GetValueOrDefault(customerId)
            : states.Find(position, (Customers: _customers, Id: customerId), static s => s.Customers.GetValueOrDefault(s.Id));
        var evaluation = compiled.Evaluate(subject, trigger, now, knownInAudience: known is { Eligible: true });
        if (evaluation.Decision is CampaignDecision.NotApplicable or CampaignDecision.OutsideAudience)
        {
            return null;
        }

        if (known is { Eligible: true } && NothingToDo(known, evaluation, now, mayPresent))
        {
            return null;
        }

        // Something to count or to reserve. Counted in before the status is read again, so a pause
        // that sees no decision in flight knows every later decision will see the pause (the pause
        // writes the status, then reads this).
        Interlocked.Increment(ref _inFlight);
        CampaignReservation? reservation = null;
        try
        {
            reservation = Evaluate(compiled, evaluation, customerId, known, now, mayPresent, states, position);
            return reservation;
        }
        finally
        {
            if (reservation is null)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    /// <summary>The offer was presented: counts it against the budget, the customer's cap and the series.</summary>
    public void Commit(CampaignReservation reservation, string suggestionId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        Record(reservation, suggestionId, now);
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>A holdout customer's offer was withheld where it would have been presented: counts it as such.</summary>
    public void Withhold(CampaignReservation reservation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        Record(reservation, null, now);
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>The offer did not make it (outranked, contact policy, service recovery): gives the slot back.</summary>
    public void Release(CampaignReservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (!reservation.Holdout)
        {
            Budget.Release();
        }

        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>Counts an outcome staff recorded for one of the campaign's suggestions.</summary>
    public void RecordOutcome(SuggestionOutcome outcome, DateTimeOffset at)
    {
        if (outcome == SuggestionOutcome.Accepted)
        {
            Interlocked.Increment(ref Treatment.Accepted);
            Series.Add(at, holdout: false, SeriesMetric.Accepted);
        }
        else
        {
            Interlocked.Increment(ref Treatment.Dismissed);
        }

        Interlocked.Increment(ref _changes);
    }

    /// <summary>
    /// Counts a conversion for each of the customer's presentations that <paramref name="lastPurchaseAt"/>
    /// follows within the attribution window. Returns whether any presentation may still convert.
    /// </summary>
    public bool CheckConversions(string customerId, DateTimeOffset lastPurchaseAt, DateTimeOffset now)
    {
        if (!_customers.TryGetValue(customerId, out var customer))
        {
            return false;
        }

        var open = false;
        lock (customer)
        {
            foreach (var presentation in customer.Presentations)
            {
                if (presentation.Converted)
                {
                    continue;
                }

                if (lastPurchaseAt > presentation.At && lastPurchaseAt <= presentation.At + _attributionWindow)
                {
                    presentation.Converted = true;
                    Interlocked.Increment(ref (customer.Holdout ? Holdout : Treatment).Conversions);
                    Series.Add(lastPurchaseAt, customer.Holdout, SeriesMetric.Conversion);
                    Interlocked.Increment(ref _changes);
                }
                else if (presentation.At + _attributionWindow > now)
                {
                    open = true;
                }
            }
        }

        return open;
    }

    /// <summary>A copy of what the campaign remembers of <paramref name="customerId"/>, or null when the customer is not in its audience.</summary>
    public CampaignCustomerState? FindCustomer(string customerId)
    {
        if (!_customers.TryGetValue(customerId, out var customer))
        {
            return null;
        }

        return CopyOf(customer);
    }

    // Under the record's lock: a decision of that customer may be changing it meanwhile.
    private static CampaignCustomerState CopyOf(CampaignCustomerState customer)
    {
        lock (customer)
        {
            return new CampaignCustomerState
            {
                CustomerId = customer.CustomerId,
                Holdout = customer.Holdout,
                Eligible = customer.Eligible,
                LastTrigger = customer.LastTrigger,
                LastTriggerKey = customer.LastTriggerKey,
                Presentations = [.. customer.Presentations.Select(p => new CampaignPresentationState
                {
                    At = p.At, SuggestionId = p.SuggestionId, Converted = p.Converted, WouldBeCurrentUntil = p.WouldBeCurrentUntil, WouldBeBlockedUntil = p.WouldBeBlockedUntil,
                })],
            };
        }
    }

    /// <summary>
    /// Forgets an erased customer; the counts the customer contributed to stay, as aggregates do.
    /// Called in the customer's own turn, like every change of its record. Returns whether the
    /// customer was in the audience (the stored results then need writing again).
    /// </summary>
    public bool ForgetCustomer(string customerId)
    {
        if (!_customers.TryRemove(customerId, out _))
        {
            return false;
        }

        Interlocked.Increment(ref _changes);
        return true;
    }

    /// <summary>The results as of <paramref name="now"/>.</summary>
    public CampaignResults Results(DateTimeOffset now)
    {
        var elsewhere = _elsewhere;
        var treatment = Treatment.Read().Plus(elsewhere.Treatment);
        var holdout = Holdout.Read().Plus(elsewhere.Holdout);
        var series = Series;
        if (elsewhere.Series is not null)
        {
            series = CampaignSeries.Restore(Series.Snapshot(), Series.Bucket);
            series.Absorb(elsewhere.Series);
        }

        return new CampaignResults(
            Id, Status, now, treatment, holdout,
            UpliftEstimator.Rates(treatment, holdout), UpliftEstimator.Estimate(treatment, holdout),
            series.Points(), (long)series.Bucket.TotalSeconds, Budget.Limit, Budget.Used, _attributionWindow.TotalDays);
    }

    /// <summary>The stored form of the results.</summary>
    public CampaignResultsState Snapshot()
    {
        // Read first: a change made while the customers are copied then makes a later snapshot win.
        var changes = Changes;
        var customers = new List<CampaignCustomerState>(_customers.Count);
        foreach (var customer in _customers.Values)
        {
            customers.Add(CopyOf(customer));
        }

        return new CampaignResultsState { Treatment = Treatment.Read(), Holdout = Holdout.Read(), Series = Series.Snapshot(), Changes = changes, Customers = customers };
    }

    /// <summary>
    /// Waits until no decision that could still present the offer is under way, so that after a
    /// pause is acknowledged nothing more is presented. False when <paramref name="timeout"/> passed first.
    /// </summary>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        var spinner = new SpinWait();
        while (Volatile.Read(ref _inFlight) > 0)
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                return false;
            }

            if (spinner.NextSpinWillYield)
            {
                await Task.Delay(1);
            }
            else
            {
                spinner.SpinOnce();
            }
        }

        return true;
    }

    // True when a customer already counted as eligible has nothing new at this decision: no new
    // occurrence to count, and nothing that could be reserved. Read outside the lock: the record
    // only changes in this customer's own turns, which is where this runs.
    private static bool NothingToDo(CampaignCustomerState known, CampaignEvaluation evaluation, DateTimeOffset now, bool mayPresent)
    {
        if (evaluation.Decision != CampaignDecision.Triggered)
        {
            return true;
        }

        if (known.Holdout && WouldBeCurrent(known, now))
        {
            return true;
        }

        return IsLastCounted(known, evaluation) && (!evaluation.Standing || !mayPresent);
    }

    private static bool IsLastCounted(CampaignCustomerState customer, CampaignEvaluation evaluation) =>
        customer.LastTrigger is { } last
            ? last == evaluation.TriggerFingerprint
            : string.Equals(evaluation.TriggerKey, customer.LastTriggerKey, StringComparison.Ordinal);

    private CampaignReservation? Evaluate(
        CompiledCampaign compiled, CampaignEvaluation evaluation, string customerId, CampaignCustomerState? known, DateTimeOffset now, bool mayPresent, CustomerCampaignStates? states, int position)
    {
        if (Status != CampaignStatus.Active)
        {
            return null;
        }

        var customer = known;
        if (customer is null)
        {
            customer = _customers.GetOrAdd(customerId, static (id, campaign) => new CampaignCustomerState
            {
                CustomerId = id,
                Holdout = HoldoutAssignment.IsHoldout(campaign.Id, id, campaign._compiled?.HoldoutPercent ?? 0),
            }, this);
            states?.Remember(position, customer);
        }
        var counts = customer.Holdout ? Holdout : Treatment;
        lock (customer)
        {
            // A withheld offer that would still be current is, like a treatment customer's current
            // suggestion, not evaluated again: it would be kept, not presented anew.
            if (customer.Holdout && customer.Eligible && WouldBeCurrent(customer, now))
            {
                return null;
            }

            if (!customer.Eligible)
            {
                customer.Eligible = true;
                Interlocked.Increment(ref counts.Eligible);
                Interlocked.Increment(ref _changes);
            }

            if (evaluation.Decision != CampaignDecision.Triggered)
            {
                return null;
            }

            if (!IsLastCounted(customer, evaluation))
            {
                // A number, not the key: see TriggerFingerprint.
                customer.LastTrigger = evaluation.TriggerFingerprint;
                if (customer.LastTriggerKey is not null)
                {
                    customer.LastTriggerKey = null;
                }

                Interlocked.Increment(ref counts.Triggered);
                Interlocked.Increment(ref _changes);
            }
            else if (!evaluation.Standing)
            {
                // The same event seen again (a later read of the same moment): it was counted and tried once.
                return null;
            }

            if (!mayPresent || (compiled.Cap.Limit is { } limit && PresentedSince(customer, now - compiled.Cap.Window, now) >= limit))
            {
                return null;
            }

            // The contact policy's repeat window, as it would have applied to a real suggestion.
            if (customer.Holdout && WouldBeBlocked(customer, now))
            {
                return null;
            }

            // The holdout takes no budget slot, but stops being counted once the budget is spent,
            // so both groups are measured over the same period.
            if (customer.Holdout)
            {
                return Budget.HasRoom ? new CampaignReservation(this, customer, Holdout: true) : null;
            }

            return Budget.TryReserve() ? new CampaignReservation(this, customer, Holdout: false) : null;
        }
    }

    // Loops rather than lambdas: a lambda capturing `now` would allocate on every evaluation.
    private static bool WouldBeCurrent(CampaignCustomerState customer, DateTimeOffset now)
    {
        foreach (var presentation in customer.Presentations)
        {
            if (presentation.WouldBeCurrentUntil > now)
            {
                return true;
            }
        }

        return false;
    }

    private static bool WouldBeBlocked(CampaignCustomerState customer, DateTimeOffset now)
    {
        foreach (var presentation in customer.Presentations)
        {
            if (presentation.WouldBeBlockedUntil > now)
            {
                return true;
            }
        }

        return false;
    }

    private static int PresentedSince(CampaignCustomerState customer, DateTimeOffset since, DateTimeOffset now)
    {
        var count = 0;
        foreach (var presentation in customer.Presentations)
        {
            if (presentation.At > since && presentation.At <= now)
            {
                count++;
            }
        }

        return count;
    }

    private void Record(CampaignReservation reservation, string? suggestionId, DateTimeOffset now)
    {
        var customer = reservation.Customer;
        var keep = _attributionWindow > (_compiled?.Cap.Window ?? TimeSpan.Zero) ? _attributionWindow : _compiled!.Cap.Window;
        lock (customer)
        {
            customer.Presentations.RemoveAll(p => p.At + keep < now && !(p.WouldBeBlockedUntil > now));
            customer.Presentations.Add(new CampaignPresentationState
            {
                At = now,
                SuggestionId = suggestionId,
                WouldBeCurrentUntil = reservation.Holdout ? now + reservation.Validity : null,
                WouldBeBlockedUntil = reservation.Holdout ? now + reservation.Validity + reservation.RepeatWindow : null,
            });
        }

        Interlocked.Increment(ref (reservation.Holdout ? Holdout : Treatment).Presented);
        Series.Add(now, reservation.Holdout, SeriesMetric.Presented);
        Interlocked.Increment(ref _changes);
    }
}
