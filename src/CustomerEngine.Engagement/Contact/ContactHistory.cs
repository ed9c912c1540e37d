using CustomerEngine.Engagement.Outcomes;

namespace CustomerEngine.Engagement.Contact;

/// <summary>
/// What a customer has been shown and what came of it, kept per customer by the host (serializable
/// with System.Text.Json as is) and pruned to what the contact rules need. Immutable: every change
/// returns a new history.
/// </summary>
/// <param name="Presentations">Every kept presentation, oldest first.</param>
public sealed record ContactHistory(IReadOnlyList<ContactPresentation> Presentations)
{
    /// <summary>A customer never shown anything.</summary>
    public static ContactHistory Empty { get; } = new([]);

    /// <summary>The presentations that are current suggestions at <paramref name="now"/>.</summary>
    public IEnumerable<ContactPresentation> CurrentAt(DateTimeOffset now) => Presentations.Where(p => p.IsCurrentAt(now));

    /// <summary>The presentation of <paramref name="suggestionId"/>, or null when the history does not (or no longer) holds it.</summary>
    public ContactPresentation? Find(string suggestionId)
    {
        ArgumentNullException.ThrowIfNull(suggestionId);
        return Presentations.FirstOrDefault(p => string.Equals(p.SuggestionId, suggestionId, StringComparison.Ordinal));
    }

    /// <summary>
    /// Records what staff did with a suggestion. Idempotent: the same outcome again changes nothing
    /// (<see cref="OutcomeStatus.AlreadyRecorded"/>); a different outcome after one was recorded, or an
    /// unknown id, is <see cref="OutcomeStatus.NotFound"/>. The suggestion stops being current.
    /// </summary>
    public OutcomeRecording RecordOutcome(string suggestionId, SuggestionOutcome outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(suggestionId);
        var index = -1;
        for (var i = 0; i < Presentations.Count; i++)
        {
            if (string.Equals(Presentations[i].SuggestionId, suggestionId, StringComparison.Ordinal))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return new OutcomeRecording(OutcomeStatus.NotFound, this, null);
        }

        var presentation = Presentations[index];
        if (presentation.Outcome is { } recorded)
        {
            return new OutcomeRecording(recorded == outcome ? OutcomeStatus.AlreadyRecorded : OutcomeStatus.NotFound, this, presentation);
        }

        var updated = presentation with { Outcome = outcome, OutcomeAt = at, EndedAt = presentation.EndAsOf(at) ?? at };
        var presentations = Presentations.ToArray();
        presentations[index] = updated;
        return new OutcomeRecording(OutcomeStatus.Recorded, new ContactHistory(presentations), updated);
    }

    /// <summary>
    /// The history without presentations no rule can see any more at <paramref name="now"/>: none is
    /// current, and its last activity is older than <see cref="ContactPolicyOptions.HistoryRetention"/>.
    /// </summary>
    public ContactHistory Prune(DateTimeOffset now, ContactPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cutoff = now - options.HistoryRetention;

        // Runs at every decision, and almost always keeps everything: nothing is copied then.
        var first = 0;
        while (first < Presentations.Count && IsKept(Presentations[first], now, cutoff))
        {
            first++;
        }

        if (first == Presentations.Count)
        {
            return this;
        }

        var kept = new List<ContactPresentation>(Presentations.Count - 1);
        for (var i = 0; i < first; i++)
        {
            kept.Add(Presentations[i]);
        }

        for (var i = first + 1; i < Presentations.Count; i++)
        {
            if (IsKept(Presentations[i], now, cutoff))
            {
                kept.Add(Presentations[i]);
            }
        }

        return new ContactHistory(kept.ToArray());
    }

    private static bool IsKept(ContactPresentation p, DateTimeOffset now, DateTimeOffset cutoff) =>
        p.IsCurrentAt(now) || LastActivity(p, now) > cutoff;

    /// <inheritdoc />
    // Compared by content so that a history read back from storage equals the one written.
    public bool Equals(ContactHistory? other) => other is not null && Presentations.SequenceEqual(other.Presentations);

    /// <inheritdoc />
    public override int GetHashCode() => Presentations.Count;

    private static DateTimeOffset LastActivity(ContactPresentation p, DateTimeOffset now)
    {
        var last = p.PresentedAt;
        if (p.EndAsOf(now) is { } ended && ended > last)
        {
            last = ended;
        }

        return p.OutcomeAt is { } outcome && outcome > last ? outcome : last;
    }
}
