namespace CustomerEngine.Domain.Events;

/// <summary>Data of <c>complaint.opened</c>.</summary>
public sealed record ComplaintOpened(string ComplaintId, string? Topic, string? Severity) : EventData;
