namespace CustomerEngine.Grains.Runtime;

/// <summary>
/// Implemented by grains that register durable reminders. The grain class must implement it; the
/// grain interface may, but need not, derive from it.
/// </summary>
public interface IRemindable : IGrain
{
    /// <summary>
    /// Called as a normal turn when a reminder is due. Ticks missed while nothing was running are
    /// skipped, so <paramref name="dueAt"/> tells when this tick was scheduled.
    /// </summary>
    /// <param name="reminderName">The name passed to <c>RegisterOrUpdateReminderAsync</c>.</param>
    /// <param name="dueAt">When this tick was due.</param>
    Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt);
}
