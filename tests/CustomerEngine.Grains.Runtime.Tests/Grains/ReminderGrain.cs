namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed class ReminderGrain(ReminderProbe probe) : Grain, IReminderGrain, IRemindable
{
    /// <summary>Reminders with this prefix unregister themselves when delivered.</summary>
    public const string OneShotPrefix = "once-";

    public Task ScheduleAsync(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminderAsync(name, dueTime, period);

    public Task CancelAsync(string name) => UnregisterReminderAsync(name);

    public async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (reminderName.StartsWith(OneShotPrefix, StringComparison.Ordinal))
        {
            await UnregisterReminderAsync(reminderName);
        }

        probe.Deliveries.Writer.TryWrite(new ReminderDelivery(GrainKey, reminderName, dueAt));
    }
}
