using System.Globalization;

namespace CustomerEngine.Host.Memory;

/// <summary>Processor time spent so far, by this process and by the whole machine.</summary>
public static class ProcessorTime
{
    private const string MachineStatistics = "/proc/stat";

    // The kernel counts in USER_HZ ticks, which Linux fixes at 100 a second for user space.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private static readonly bool MachineReadable = File.Exists(MachineStatistics);

    /// <summary>
    /// The processors <see cref="Machine"/> counts over: every processor the kernel lists, which in
    /// a container limited to fewer is more than <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public static int MachineProcessors { get; } = CountMachineProcessors();

    /// <summary>This process's processor time, summed over its threads.</summary>
    public static TimeSpan Process() => Environment.CpuUsage.TotalTime;

    /// <summary>
    /// The whole machine's busy time, hypervisor steal included, where the operating system tells
    /// it (Linux), else null (also when a read fails): a database beside the engine leaves it no
    /// time to spare even when the engine itself is idle.
    /// </summary>
    public static TimeSpan? Machine() => MachineReadable && ReadMachineLine() is { } line ? ParseMachineBusy(line) : null;

    /// <summary>The busy time in the first line of <c>/proc/stat</c>, or null when it is not that line.</summary>
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

    private static string? ReadMachineLine()
    {
        try
        {
            using var reader = new StreamReader(MachineStatistics);
            return reader.ReadLine();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int CountMachineProcessors()
    {
        try
        {
            var count = MachineReadable
                ? File.ReadLines(MachineStatistics).Count(line => line.Length > 3 && line.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(line[3]))
                : 0;
            return count > 0 ? count : Environment.ProcessorCount;
        }
        catch (IOException)
        {
            return Environment.ProcessorCount;
        }
    }
}
