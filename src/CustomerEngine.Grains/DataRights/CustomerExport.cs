using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Storage.Events;

namespace CustomerEngine.Grains.DataRights;

/// <summary>What a customer's grain holds about the customer, read in one turn.</summary>
/// <param name="ReadAt">When it was read, by the engine's clock.</param>
/// <param name="View">The 360 view as of <paramref name="ReadAt"/>.</param>
/// <param name="Suggestions">The current suggestions, as stored (reading them does not decide them again).</param>
/// <param name="Contact">What was presented to the customer and what came of it.</param>
/// <param name="Streams">The customer's event streams: its id and the anonymous histories merged into it.</param>
/// <param name="Events">Every event of those streams in the log, in log order.</param>
public sealed record CustomerExport(
    DateTimeOffset ReadAt,
    Customer360 View,
    IReadOnlyList<Suggestion> Suggestions,
    ContactHistory Contact,
    IReadOnlyList<string> Streams,
    IReadOnlyList<StoredEvent> Events);
