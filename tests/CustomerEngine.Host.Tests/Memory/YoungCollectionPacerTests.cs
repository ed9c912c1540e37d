using System.Diagnostics;
using CustomerEngine.Host.Memory;
using CustomerEngine.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Tests.Memory;

public sealed class YoungCollectionPacerTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    private const long Megabyte = 1 << 20;
    private static readonly YoungCollectionPacingOptions Defaults = new();

    [Theory]
    [InlineData("less than the budget allocated", 31, 80, 0.3, PacingStep.Wait)]
    [InlineData("the budget allocated at a moderate rate, processors to spare", 32, 80, 0.3, PacingStep.Collect)]
    [InlineData("allocating faster than pacing can afford", 64, 450, 0.3, PacingStep.LeaveToRuntime)]
    [InlineData("the machine's processors busy", 32, 80, 0.9, PacingStep.LeaveToRuntime)]
    public void Pacing_collects_only_a_budget_allocated_slowly_on_a_machine_with_time_to_spare(string situation, long megabytes, double megabytesPerSecond, double processorShare, PacingStep expected)
    {
        var step = YoungCollectionPacer.Next(megabytes * Megabyte, megabytesPerSecond, processorShare, Defaults);

        Assert.True(step == expected, $"{situation}: {step}, expected {expected}");
    }

    [Fact]
    public void A_budget_of_zero_turns_pacing_off() =>
        Assert.Equal(PacingStep.Wait, YoungCollectionPacer.Next(long.MaxValue, 0, 0, new YoungCollectionPacingOptions { BudgetMegabytes = 0 }));

    [Fact]
    public void The_machines_busy_time_counts_every_state_but_idle_and_waiting_for_the_disk()
    {
        // user 100, nice 2, system 30, idle 500, iowait 40, irq 0, softirq 5, steal 3 (ticks of 10 ms).
        var busy = ProcessorTime.ParseMachineBusy("cpu  100 2 30 500 40 0 5 3 0 0");

        Assert.Equal(TimeSpan.FromMilliseconds(140 * 10), busy);
        Assert.Null(ProcessorTime.ParseMachineBusy("intr 1 2 3"));
    }

    [Fact]
    public void Busy_time_grows_while_a_processor_works()
    {
        var process = ProcessorTime.Process();
        var machine = ProcessorTime.Machine();
        var spin = Stopwatch.StartNew();
        while (spin.ElapsedMilliseconds < 200)
        {
        }

        var processGrew = ProcessorTime.Process() - process;
        Assert.True(processGrew >= TimeSpan.FromMilliseconds(100), $"the process's busy time grew by {processGrew}");
        if (OperatingSystem.IsLinux())
        {
            var machineGrew = ProcessorTime.Machine() - machine;
            Assert.True(machineGrew >= TimeSpan.FromMilliseconds(100), $"the machine's busy time grew by {machineGrew}");
            Assert.InRange(ProcessorTime.MachineProcessors, Environment.ProcessorCount, int.MaxValue);
        }
    }

    [Fact]
    public void The_engine_paces_young_collections_by_default()
    {
        var options = engine.Factory.Services.GetRequiredService<IOptions<YoungCollectionPacingOptions>>().Value;

        Assert.Equal(32, options.BudgetMegabytes);
        Assert.Equal(150, options.MaxAllocationRateMegabytesPerSecond);
        Assert.Equal(0.75, options.MaxProcessorShare);
        Assert.Contains(engine.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), service => service is YoungCollectionPacer);
    }

    [Fact]
    public async Task A_running_pacer_collects_each_budget_allocated_at_a_moderate_rate()
    {
        // The limits out of the way: other tests of this process may allocate fast or keep the processors busy meanwhile.
        using var pacer = new YoungCollectionPacer(Options.Create(new YoungCollectionPacingOptions { BudgetMegabytes = 1, MaxAllocationRateMegabytesPerSecond = int.MaxValue, MaxProcessorShare = double.MaxValue, PollInterval = TimeSpan.FromMilliseconds(5) }));
        await pacer.StartAsync(CancellationToken.None);
        try
        {
            // About 10 MB a second, for at most 10 s.
            var until = Stopwatch.StartNew();
            while (pacer.Collections < 3 && until.Elapsed < TimeSpan.FromSeconds(10))
            {
                Allocate(Megabyte / 10);
                await Task.Delay(10);
            }

            Assert.True(pacer.Collections >= 3, $"the pacer started {pacer.Collections} collections in {until.Elapsed}");
        }
        finally
        {
            await pacer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_running_pacer_leaves_fast_allocation_to_the_runtime()
    {
        using var pacer = new YoungCollectionPacer(Options.Create(new YoungCollectionPacingOptions { BudgetMegabytes = 1, MaxAllocationRateMegabytesPerSecond = 1, MaxProcessorShare = double.MaxValue, PollInterval = TimeSpan.FromMilliseconds(5) }));
        await pacer.StartAsync(CancellationToken.None);
        try
        {
            // A budget at a time, for 1.5 s: each is reached within a second of the pacer's next look.
            var until = Stopwatch.StartNew();
            while (until.Elapsed < TimeSpan.FromSeconds(1.5))
            {
                Allocate(Megabyte);
                await Task.Delay(50);
            }

            Assert.Equal(0, pacer.Collections);
        }
        finally
        {
            await pacer.StopAsync(CancellationToken.None);
        }
    }

    private static void Allocate(long bytes)
    {
        for (var allocated = 0L; allocated < bytes; allocated += 8 * 1024)
        {
            GC.KeepAlive(new byte[8 * 1024]);
        }
    }
}
