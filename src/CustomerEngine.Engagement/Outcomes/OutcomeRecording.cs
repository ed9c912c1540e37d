using CustomerEngine.Engagement.Contact;

namespace CustomerEngine.Engagement.Outcomes;

/// <summary>The result of recording an outcome.</summary>
/// <param name="Status">Whether it was recorded now, already, or not at all.</param>
/// <param name="History">The contact history to keep: changed only when <paramref name="Status"/> is <see cref="OutcomeStatus.Recorded"/>.</param>
/// <param name="Presentation">The suggestion's presentation, when the id was found.</param>
public sealed record OutcomeRecording(OutcomeStatus Status, ContactHistory History, ContactPresentation? Presentation);
