using CustomerEngine.LoadTests.CommandLine;
using CustomerEngine.LoadTests.Load;

namespace CustomerEngine.LoadTests.Tests;

public sealed class LoadOptionsTests
{
    [Fact]
    public void Soak_runs_for_half_an_hour_unless_told_otherwise()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), LoadOptions.Parse(["soak"]).Duration);
        Assert.Equal(TimeSpan.FromHours(2), LoadOptions.Parse(["soak", "--duration", "2h"]).Duration);
    }

    [Fact]
    public void Retail_day_and_soak_default_to_a_fixed_rate_with_dashboards()
    {
        foreach (var scenario in new[] { "retail-day", "soak" })
        {
            var options = LoadOptions.Parse([scenario]);
            Assert.Equal(2_000, options.Rate);
            Assert.Equal(50, options.Dashboards);
        }
    }

    [Fact]
    public void Overload_probes_unless_given_a_rate_and_lets_more_requests_out_than_the_engine_takes()
    {
        var options = LoadOptions.Parse(["overload"]);

        Assert.Null(options.Rate);
        Assert.Equal(3, options.Factor);
        Assert.True(options.MaxOutstanding > 256, "the engine's in-flight bound is 256 by default");
    }

    [Fact]
    public void Engine_runs_in_process_unless_asked_for_a_process_of_its_own()
    {
        Assert.Equal("in-process", LoadOptions.Parse(["push"]).Engine);
        Assert.Equal("process", LoadOptions.Parse(["push", "--engine", "process"]).Engine);
    }

    [Theory]
    [InlineData("push", "--engine", "container")]
    [InlineData("memory", "--engine", "process")]
    [InlineData("campaigns", "--engine", "process")]
    [InlineData("push", "--engine", "process", "--target", "http://127.0.0.1:5080")]
    public async Task Engine_placement_that_cannot_be_honoured_is_refused_with_exit_code_2(params string[] args)
    {
        Assert.Equal(2, await LoadTool.RunAsync(args));
    }

    [Fact]
    public async Task Unknown_scenario_is_refused_with_exit_code_2()
    {
        Assert.Equal(2, await LoadTool.RunAsync(["retail-week"]));
    }

    [Fact]
    public void Usage_names_every_scenario()
    {
        foreach (var scenario in LoadOptions.Scenarios)
        {
            Assert.Contains(scenario, LoadOptions.Usage, StringComparison.Ordinal);
        }
    }
}
