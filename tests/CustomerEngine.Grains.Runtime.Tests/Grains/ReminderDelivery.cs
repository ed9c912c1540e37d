namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed record ReminderDelivery(string Key, string Name, DateTimeOffset DueAt);
