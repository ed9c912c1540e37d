namespace CustomerEngine.Samples.BirthdayWeek.Tests.Support;

/// <summary>An engine clock stopped at one moment, so "tomorrow" is always the same day. Timers still run on real time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
