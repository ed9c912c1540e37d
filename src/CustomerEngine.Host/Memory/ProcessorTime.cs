using System.Globalization;

namespace CustomerEngine.Host.Memory;

/// <summary>Processor time spent so far, summed over all processors.</summary>
public static class ProcessorTime
{
    private const string MachineStatistics = "/proc/stat";

    // The kernel counts in USER_HZ ticks, which Linux fixes at 100 a second for user space.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private static readonly bool MachineReadable = File.Exists(MachineStatistics);

    private static long _lastMachineTicks;

    /// <summary>
    /// The whole machine's busy time where the operating system tells it (Linux, including time
    /// the hypervisor gave to others), else this process's: a database or another process on the
    /// same processors leaves the engine no time to spare even when the engine itself is idle.
    /// </summary>
    public static TimeSpan Busy()
    {
        if (!MachineReadable)
        {
            return Environment.CpuUsage.TotalTime;
        }

        // A failed read repeats the last value rather than mixing in the process's own time.
        if (MachineBusy() is { } busy)
        {
            Interlocked.Exchange(ref _lastMachineTicks, busy.Ticks);
            return busy;
        }

        return TimeSpan.FromTicks(Interlocked.Read(ref _lastMachineTicks));
    }

    /// <summary>The busy time in the first line of <c>/proc/stat</c>, or null when it cannot be read.</summary>
    public static TimeSpan? ParseMachineBusy(string firstLine)
    {
        ArgumentNullException.ThrowIfNull(firstLine);

        // cpu user nice system idle iowait irq softirq steal …: all but idle and iowait are busy.
        var fields = firstLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            return null;
        }

        long ticks = 0;
        foreach (var index in (ReadOnlySpan<int>)[1, 2, 3, 6, 7, 8])
        {
            if (!long.TryParse(fields[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            ticks += value;
        }

        return Tick * ticks;
    }

    private static TimeSpan? MachineBusy()
    {
        try
        {
            using var reader = new StreamReader(MachineStatistics);
            return reader.ReadLine() is { } line ? ParseMachineBusy(line) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
