namespace CustomerEngine.Grains.Runtime.Reminders;

/// <summary>A durable reminder: fire at <paramref name="DueAt"/>, then every <paramref name="Period"/>.</summary>
/// <param name="GrainType">A stable name of the grain type (the grain interface's name).</param>
/// <param name="Key">The grain's key.</param>
/// <param name="Name">The reminder's name, unique per grain.</param>
/// <param name="DueAt">When it fires next.</param>
/// <param name="Period">The interval between firings.</param>
public sealed record ReminderEntry(string GrainType, string Key, string Name, DateTimeOffset DueAt, TimeSpan Period);
