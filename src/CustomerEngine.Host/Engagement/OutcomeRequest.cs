namespace CustomerEngine.Host.Engagement;

/// <summary>The body of <c>POST /api/suggestions/{suggestionId}/outcome</c>.</summary>
/// <param name="Outcome"><c>accepted</c> or <c>dismissed</c>.</param>
/// <param name="Reason">Why, optionally (mostly for dismissals).</param>
public sealed record OutcomeRequest(string? Outcome, string? Reason);
