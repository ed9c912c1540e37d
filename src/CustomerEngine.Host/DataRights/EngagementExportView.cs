using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Suggestions;

namespace CustomerEngine.Host.DataRights;

/// <summary>The customer's engagement state in an export.</summary>
/// <param name="Suggestions">The current suggestions, as stored.</param>
/// <param name="ContactHistory">Every kept presentation (what was shown, when, and its outcome), oldest first.</param>
public sealed record EngagementExportView(IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<ContactPresentation> ContactHistory);
