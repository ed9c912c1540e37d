namespace CustomerEngine.Host.Memory;

/// <summary>
/// When the engine starts young-generation collections itself (section
/// <c>GarbageCollection:Pacing</c>, decision 87).
/// </summary>
public sealed class YoungCollectionPacingOptions
{
    /// <summary>
    /// Megabytes allocated since the last collection after which a young collection is started,
    /// within <see cref="MaxAllocationRateMegabytesPerSecond"/> and <see cref="MaxProcessorShare"/>;
    /// 0 leaves every collection to the runtime.
    /// </summary>
    public int BudgetMegabytes { get; set; } = 32;

    /// <summary>
    /// Above this allocation rate (over the last second) collections are left to the runtime, whose
    /// larger budget costs less processor time; it bounds what pacing adds to this rate divided by
    /// <see cref="BudgetMegabytes"/> collections a second.
    /// </summary>
    public int MaxAllocationRateMegabytesPerSecond { get; set; } = 150;

    /// <summary>
    /// Above this share of the processors in use (over the last second; the busier of the process's
    /// and, on Linux, the whole machine's, see <see cref="ProcessorTime"/>) collections are left to
    /// the runtime: pacing spends processor time the engine, or a database beside it, then lacks.
    /// </summary>
    public double MaxProcessorShare { get; set; } = 0.75;

    /// <summary>How often the allocated bytes are looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(10);
}
