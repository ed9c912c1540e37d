namespace CustomerEngine.Storage.Postgres.Tests.Support;

/// <summary>The system clock moved forward on request; timers keep real time.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _shiftTicks;

    public void Shift(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _shiftTicks));
}
