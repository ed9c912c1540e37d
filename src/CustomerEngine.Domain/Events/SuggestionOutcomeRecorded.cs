namespace CustomerEngine.Domain.Events;

/// <summary>
/// Data of <c>suggestion.outcome</c>: what staff did with a suggestion. The engine records it in
/// the customer's history so the timeline shows it and a replay keeps the contact history.
/// </summary>
public sealed record SuggestionOutcomeRecorded(string SuggestionId, string ActionId, string Kind, string Outcome, string? Reason) : EventData
{
    /// <summary>The customer took the offer.</summary>
    public const string Accepted = "accepted";

    /// <summary>The offer was declined.</summary>
    public const string Dismissed = "dismissed";
}
