using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Memory;

/// <summary>
/// Starts a young-generation collection each time <see cref="YoungCollectionPacingOptions.BudgetMegabytes"/>
/// have been allocated, unless the process allocates faster than pacing can afford or the
/// machine's processors are busy (<see cref="YoungCollectionPacingOptions"/>). Server GC
/// otherwise lets gen0 grow to hundreds of megabytes here, and each collection then stops every
/// thread for 100–300 ms, which is the tail of the <c>202</c> at moderate load; a capped budget
/// (<c>GCGen0MaxBudget</c>) would shorten the pauses at every load, and at saturation costs a
/// tenth to a fifth of the throughput. The runtime has no budget that follows the load, so this
/// service keeps the pauses short while there is time to spare (decision 87).
/// </summary>
public sealed class YoungCollectionPacer(IOptions<YoungCollectionPacingOptions> options) : BackgroundService
{
    // Milliseconds between two reads of the processors' busy time.
    private const long ProcessorSampleEvery = 100;

    private long _collections;

    /// <summary>Young collections this pacer has started.</summary>
    public long Collections => Interlocked.Read(ref _collections);

    /// <summary>
    /// The step for <paramref name="allocatedSinceCollection"/> bytes allocated since the last
    /// collection, while the process allocates <paramref name="megabytesPerSecond"/> and uses
    /// <paramref name="processorShare"/> of all processors.
    /// </summary>
    public static PacingStep Next(long allocatedSinceCollection, double megabytesPerSecond, double processorShare, YoungCollectionPacingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BudgetMegabytes <= 0 || allocatedSinceCollection < (long)options.BudgetMegabytes << 20)
        {
            return PacingStep.Wait;
        }

        return megabytesPerSecond > options.MaxAllocationRateMegabytesPerSecond || processorShare > options.MaxProcessorShare
            ? PacingStep.LeaveToRuntime
            : PacingStep.Collect;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.BudgetMegabytes <= 0)
        {
            return;
        }

        // Rates over the last second, from the samples of that second: one sample would make a
        // burst after a pause look like saturation. A share of the processors over a second needs
        // few samples, and each costs a read of /proc/stat: they are taken every
        // ProcessorSampleEvery, not at every look.
        var collections = GC.CollectionCount(0);
        var allocatedAtCollection = GC.GetTotalAllocatedBytes();
        var allocations = new Queue<AllocationSample>();
        var processors = new Queue<ProcessorSample>();
        allocations.Enqueue(new AllocationSample(Environment.TickCount64, allocatedAtCollection));
        processors.Enqueue(new ProcessorSample(Environment.TickCount64, ProcessorTime.Process(), ProcessorTime.Machine()));
        var latestProcessors = processors.Peek();
        using var timer = new PeriodicTimer(settings.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = Environment.TickCount64;
            var allocated = GC.GetTotalAllocatedBytes();
            allocations.Enqueue(new AllocationSample(now, allocated));
            if (now - latestProcessors.At >= ProcessorSampleEvery)
            {
                latestProcessors = new ProcessorSample(now, ProcessorTime.Process(), ProcessorTime.Machine());
                processors.Enqueue(latestProcessors);
            }

            while (allocations.Count > 1 && now - allocations.Peek().At > 1000)
            {
                allocations.Dequeue();
            }

            while (processors.Count > 1 && now - processors.Peek().At > 1000)
            {
                processors.Dequeue();
            }

            // Any collection since the last look, the runtime's or another pacer's, resets the budget.
            if (GC.CollectionCount(0) is var count && count != collections)
            {
                collections = count;
                allocatedAtCollection = allocated;
                continue;
            }

            var oldest = allocations.Peek();
            var megabytesPerSecond = (allocated - oldest.Allocated) / 1048576.0 * 1000 / Math.Max(1, now - oldest.At);

            // The busier of the process (against the processors it may use, which a container can
            // limit) and the machine (against all the kernel lists, where a database beside it runs);
            // a sample whose machine read failed goes by the process alone.
            var first = processors.Peek();
            var elapsed = (double)Math.Max(1, latestProcessors.At - first.At);
            var processorShare = (latestProcessors.Process - first.Process).TotalMilliseconds / (elapsed * Environment.ProcessorCount);
            if (latestProcessors.Machine is { } machine && first.Machine is { } machineThen)
            {
                processorShare = Math.Max(processorShare, (machine - machineThen).TotalMilliseconds / (elapsed * ProcessorTime.MachineProcessors));
            }

            switch (Next(allocated - allocatedAtCollection, megabytesPerSecond, processorShare, settings))
            {
                case PacingStep.Collect:
                    GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                    Interlocked.Increment(ref _collections);
                    collections = GC.CollectionCount(0);
                    allocatedAtCollection = GC.GetTotalAllocatedBytes();
                    break;
                case PacingStep.LeaveToRuntime:
                    // Not again before another budget: a dip in the rate right after does not
                    // force the large collection the runtime is about to start anyway.
                    allocatedAtCollection = allocated;
                    break;
            }
        }
    }

    private readonly record struct AllocationSample(long At, long Allocated);

    private readonly record struct ProcessorSample(long At, TimeSpan Process, TimeSpan? Machine);
}
