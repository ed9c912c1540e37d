namespace CustomerEngine.Grains.Customers;

/// <summary>What a customer grain did with delivered events.</summary>
/// <param name="ForwardedTo">Set when this anonymous visitor was merged into a customer and the events belong there.</param>
public sealed record CustomerApplyReport(string? ForwardedTo)
{
    /// <summary>The events were applied here.</summary>
    public static CustomerApplyReport Applied { get; } = new((string?)null);

    /// <summary>The events are of a stream this customer does not hold; nothing was applied.</summary>
    public static CustomerApplyReport NotHeld { get; } = new((string?)null) { IsNotHeld = true };

    /// <summary>
    /// True when the events were forwarded by a visitor whose activation still said it was merged
    /// here, though this customer holds no such visitor: an erasure took both since that
    /// activation read its state, and the events belong to the visitor's fresh activation.
    /// </summary>
    public bool IsNotHeld { get; private init; }
}
