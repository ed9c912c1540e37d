namespace CustomerEngine.Domain.Events;

/// <summary>The type-specific payload of a <see cref="CustomerEvent"/> (the wire's <c>data</c> object).</summary>
public abstract record EventData;
