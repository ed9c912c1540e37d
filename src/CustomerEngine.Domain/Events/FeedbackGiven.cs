namespace CustomerEngine.Domain.Events;

/// <summary>Data of <c>feedback</c>: an NPS (0–10), a customer effort score (1–7) and/or a comment.</summary>
public sealed record FeedbackGiven(int? Nps, int? Ces, string? Comment) : EventData;
