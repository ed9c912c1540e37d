namespace CustomerEngine.Domain.Events;

/// <summary>Data of <c>complaint.resolved</c>.</summary>
public sealed record ComplaintResolved(string ComplaintId) : EventData;
