namespace CustomerEngine.Domain.Views;

/// <summary>One consent decision in <see cref="Customer360"/>; a null purpose covers every purpose.</summary>
public sealed record ConsentView(string Channel, string? Purpose, bool Granted, DateTimeOffset At);
