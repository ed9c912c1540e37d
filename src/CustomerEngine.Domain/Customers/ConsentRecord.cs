namespace CustomerEngine.Domain.Customers;

/// <summary>
/// The customer's latest consent decision for one contact channel and purpose (a null purpose
/// covers every purpose).
/// </summary>
public readonly record struct ConsentRecord(string Channel, string? Purpose, bool Granted, DateTimeOffset At);
