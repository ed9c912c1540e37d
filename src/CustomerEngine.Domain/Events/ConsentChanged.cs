namespace CustomerEngine.Domain.Events;

/// <summary>
/// Data of <c>consent.changed</c>. <see cref="Channel"/> is a contact channel (e.g. <c>email</c>,
/// <c>sms</c>), not an <see cref="EventChannel"/>; a null <see cref="Purpose"/> covers every purpose.
/// </summary>
public sealed record ConsentChanged(string Channel, string? Purpose, bool Granted) : EventData;
