using CustomerEngine.Domain.Customers;

namespace CustomerEngine.Domain.Satisfaction;

/// <summary>The voice of the customer (DOMAIN.md §5), as part of the customer state.</summary>
public sealed class CustomerSatisfaction
{
    private OptionalTime _lastNpsAt;
    private OptionalTime _lastCesAt;

    /// <summary>The latest NPS given (0–10).</summary>
    public int? LastNps { get; set; }

    /// <summary>When the latest NPS was given.</summary>
    public DateTimeOffset? LastNpsAt
    {
        get => _lastNpsAt.Value;
        set => _lastNpsAt = new(value);
    }

    /// <summary>The latest customer effort score given (1–7).</summary>
    public int? LastCes { get; set; }

    /// <summary>When the latest effort score was given.</summary>
    public DateTimeOffset? LastCesAt
    {
        get => _lastCesAt.Value;
        set => _lastCesAt = new(value);
    }

    /// <summary>How many feedback events the customer sent.</summary>
    public int Responses { get; set; }

    /// <summary>Complaints opened and not yet resolved, oldest first.</summary>
    public List<OpenComplaint> OpenComplaints { get; set; } = [];

    /// <summary>How many complaints were resolved.</summary>
    public int ComplaintsResolved { get; set; }

    /// <summary>The summed time from opening to resolution of the resolved complaints.</summary>
    public TimeSpan TotalResolutionTime { get; set; }
}
