namespace CustomerEngine.Domain.Satisfaction;

/// <summary>A complaint not yet resolved, with when it was opened (to measure time to resolve).</summary>
public readonly record struct OpenComplaint(string ComplaintId, DateTimeOffset OpenedAt);
