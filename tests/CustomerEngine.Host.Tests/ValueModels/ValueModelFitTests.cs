using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Host.Tests.ValueModels;

public sealed class ValueModelFitTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstDay = Now.AddDays(-365).UtcDateTime.Date;

    [Fact]
    public async Task Before_the_first_fit_there_is_no_model_and_views_have_no_forecast()
    {
        await using var factory = new EngineFactory(clock: new ManualTimeProvider(Now));
        var client = factory.AdminClient();
        await client.IngestAsync(Events.Purchase("n-1", Now.AddDays(-10)), Events.Purchase("n-1", Now.AddDays(-3)));

        var (status, problem, contentType) = await client.GetJsonAsync("/api/models/clv");
        var value = (await client.CustomerAsync("n-1"))["value"]!;
        var (unknownStatus, unknown, _) = await client.GetJsonAsync("/api/models/clv/fits/fit-nope");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (status, contentType));
        Assert.Equal("model", (string?)problem!["field"]);
        Assert.Equal((HttpStatusCode.NotFound, "id"), (unknownStatus, (string?)unknown!["field"]));
        Assert.Null(value["clv"]);
        Assert.Null(value["pAlive"]);
        Assert.NotNull(value["tier"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_running_fit_shows_its_phase_and_progress_and_refuses_a_second_fit()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new EngineFactory(clock: new ManualTimeProvider(Now));
        await using var gated = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ValueModels:ScanPageSize", "25");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IEventLog>();
                services.AddSingleton<IEventLog>(provider => new GatedEventLog(provider.GetRequiredService<SqliteEngineStore>(), gate.Task, holds: (type, afterSequence) => type == "purchase" && afterSequence > 0));
            });
        });
        var client = gated.AdminClient();
        await client.IngestInBatchesAsync(SimulatedBase.Purchases("g", 300, FirstDay, Now, seed: 3));

        var id = await client.StartFitAsync();
        var running = await WaitForProgressAsync(client, id);
        var (secondStatus, second) = await client.PostJsonAsync("/api/models/clv/fit", new JsonObject());
        gate.SetResult();
        var finished = await client.WaitForFitAsync(id);

        Assert.Equal("running", (string?)running["status"]);
        Assert.Equal("readingPurchases", (string?)running["phase"]);
        Assert.InRange((double)running["progress"]!, double.Epsilon, 0.5);
        Assert.Null(running["finishedAt"]);
        Assert.Equal((HttpStatusCode.Conflict, "fit"), (secondStatus, (string?)second!["field"]));
        Assert.Contains(id, (string?)second["detail"], StringComparison.Ordinal);
        Assert.Equal(("succeeded", "done", 1.0), ((string?)finished["status"], (string?)finished["phase"], (double)finished["progress"]!));
        Assert.Equal(id, (string?)finished["result"]!["id"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_fit_that_cannot_identify_the_model_fails_and_the_previous_fit_stays_current()
    {
        await using var factory = new EngineFactory(clock: new ManualTimeProvider(Now));
        var client = factory.AdminClient();
        await client.IngestInBatchesAsync(SimulatedBase.Purchases("f", 300, FirstDay, Now, seed: 5));
        var good = await client.FitAsync();

        // On the first day nobody has bought twice yet: without a repeat purchase BG/NBD has no maximum.
        var failed = await client.WaitForFitAsync(await client.StartFitAsync(new JsonObject { ["asOf"] = FirstDay.ToString("yyyy-MM-dd") }));
        var current = await client.CurrentModelAsync();
        var value = (await client.CustomerAsync("f-0000"))["value"]!;

        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Contains("repeat", (string?)failed["error"], StringComparison.Ordinal);
        Assert.Null(failed["result"]);
        Assert.Equal((string?)good["id"], (string?)current["fit"]!["id"]);
        Assert.True(double.IsFinite((double)value["clv"]!));
        Assert.True(double.IsFinite((double)value["pAlive"]!));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_fit_request_names_the_field_at_fault()
    {
        await using var factory = new EngineFactory(clock: new ManualTimeProvider(Now));
        var client = factory.AdminClient();

        var (future, futureBody) = await client.PostJsonAsync("/api/models/clv/fit", new JsonObject { ["asOf"] = "2026-07-01" });
        var (order, orderBody) = await client.PostJsonAsync("/api/models/clv/fit", new JsonObject { ["asOf"] = "2026-01-01", ["calibrationStart"] = "2026-02-01" });
        var (garbled, garbledBody) = await client.PostJsonAsync("/api/models/clv/fit", new JsonObject { ["asOf"] = "yesterday" });
        var (array, arrayBody) = await client.PostJsonAsync("/api/models/clv/fit", new JsonArray());

        Assert.Equal((HttpStatusCode.BadRequest, "asOf"), (future, (string?)futureBody!["field"]));
        Assert.Equal((HttpStatusCode.BadRequest, "calibrationStart"), (order, (string?)orderBody!["field"]));
        Assert.Equal((HttpStatusCode.BadRequest, "asOf"), (garbled, (string?)garbledBody!["field"]));
        Assert.Equal((HttpStatusCode.BadRequest, "body"), (array, (string?)arrayBody!["field"]));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Only_purchases_on_or_before_as_of_and_from_calibration_start_are_used()
    {
        await using var factory = new EngineFactory(clock: new ManualTimeProvider(Now));
        var client = factory.AdminClient();
        var events = SimulatedBase.Purchases("w", 300, FirstDay, Now, seed: 9);
        await client.IngestInBatchesAsync(events);
        var asOf = Now.AddDays(-60).UtcDateTime.Date;
        var start = FirstDay.AddDays(30);

        var fit = (await client.FitAsync(new JsonObject { ["asOf"] = asOf.ToString("yyyy-MM-dd"), ["calibrationStart"] = start.ToString("yyyy-MM-dd") }))["result"]!;

        var expectedCustomers = events
            .Select(e => (Customer: (string?)e["customerId"], At: DateTimeOffset.Parse((string)e["occurredAt"]!, CultureInfo.InvariantCulture)))
            .Where(e => e.At < asOf.AddDays(1) && e.At >= start)
            .Select(e => e.Customer)
            .Distinct()
            .Count();
        Assert.Equal(expectedCustomers, (int)fit["bgNbd"]!["customers"]!);
        Assert.Equal(new DateTimeOffset(asOf, TimeSpan.Zero), (DateTimeOffset)fit["asOf"]!);
        Assert.Equal(start, (DateTimeOffset)fit["calibrationStart"]!);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task The_current_fit_survives_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "ce-tests", Guid.NewGuid().ToString("N"), "engine.db");
        JsonNode before;
        await using (var first = new EngineFactory(path, new ManualTimeProvider(Now)))
        {
            var client = first.AdminClient();
            await client.IngestInBatchesAsync(SimulatedBase.Purchases("r", 300, FirstDay, Now, seed: 13));
            await client.FitAsync();
            before = (await client.CurrentModelAsync())["fit"]!;
        }

        await using var second = new EngineFactory(path, new ManualTimeProvider(Now));
        var restarted = second.AdminClient();
        var after = (await restarted.CurrentModelAsync())["fit"]!;
        var value = (await restarted.CustomerAsync("r-0000"))["value"]!;

        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.NotNull(value["clv"]);
        EngineFactory.DeleteDatabase(path);
    }

    [Fact]
    public async Task A_scheduled_fit_runs_at_the_configured_time_of_day()
    {
        var clock = new ManualTimeProvider(Now);
        await using var factory = new EngineFactory(clock: clock);
        await using var scheduled = factory.WithWebHostBuilder(builder => builder.UseSetting("ValueModels:ScheduledFits", "true"));
        var client = scheduled.AdminClient();
        await client.IngestInBatchesAsync(SimulatedBase.Purchases("s", 300, FirstDay, Now, seed: 17));
        var (beforeStatus, _, _) = await client.GetJsonAsync("/api/models/clv");

        // 12:00 to 02:30 the next day passes the default fit time, 02:00 UTC.
        clock.Advance(TimeSpan.FromHours(14.5));
        JsonNode? fit = null;
        for (var attempt = 0; attempt < 600 && fit is null; attempt++)
        {
            var (status, body, _) = await client.GetJsonAsync("/api/models/clv");
            fit = status == HttpStatusCode.OK ? body!["fit"] : null;
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.NotFound, beforeStatus);
        Assert.NotNull(fit);
        Assert.Equal(Now.AddHours(14.5), (DateTimeOffset)fit["asOf"]!);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    private static async Task<JsonNode> WaitForProgressAsync(HttpClient client, string id)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var (_, run, _) = await client.GetJsonAsync($"/api/models/clv/fits/{id}");
            if ((double)run!["progress"]! > 0)
            {
                return run;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"fit {id} never reported progress");
        return null!;
    }
}
