namespace CustomerEngine.Grains.Runtime.Reminders;

/// <summary>
/// Decides which due reminders this runtime may claim, when several runtimes (nodes) poll one
/// <see cref="IReminderTable"/>. Without one registered, a runtime claims every due reminder, and
/// each firing goes to whichever node claims it first.
/// </summary>
/// <remarks>
/// Register one in the container to keep a reminder with the process it belongs to, for example a
/// reminder about state that only one node writes. A reminder no runtime may claim is never
/// delivered, so a filter should let any node claim a reminder whose owner has gone.
/// </remarks>
public interface IReminderClaimFilter
{
    /// <summary>Whether this runtime may claim and deliver <paramref name="entry"/> now; called on the polling thread.</summary>
    bool MayClaim(ReminderEntry entry);
}
