namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Deliberately not derived from IRemindable: only the grain class implements it.</summary>
public interface IReminderGrain : IGrain
{
    Task ScheduleAsync(string name, TimeSpan dueTime, TimeSpan period);

    Task CancelAsync(string name);
}
