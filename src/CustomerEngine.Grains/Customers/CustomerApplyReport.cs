namespace CustomerEngine.Grains.Customers;

/// <summary>What a customer grain did with delivered events.</summary>
/// <param name="ForwardedTo">Set when this anonymous visitor was merged into a customer and the events belong there.</param>
public sealed record CustomerApplyReport(string? ForwardedTo)
{
    /// <summary>The events were applied here.</summary>
    public static CustomerApplyReport Applied { get; } = new((string?)null);
}
