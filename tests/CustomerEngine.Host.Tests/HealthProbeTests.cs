using System.Net;
using CustomerEngine.Host.Health;
using CustomerEngine.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Host.Tests;

public sealed class HealthProbeTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Liveness_answers_200_while_the_engine_runs()
    {
        using var anonymous = engine.Factory.CreateDefaultClient();

        var (status, body, _) = await anonymous.GetJsonAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("alive", (string?)body!["status"]);
    }

    [Fact]
    public async Task Readiness_and_health_answer_200_once_the_store_is_reachable_and_start_up_work_is_done()
    {
        using var anonymous = engine.Factory.CreateDefaultClient();

        var (ready, readyBody, _) = await anonymous.GetJsonAsync("/health/ready");
        var (health, _, _) = await anonymous.GetJsonAsync("/health");

        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal("healthy", (string?)readyBody!["status"]);
        Assert.Equal(HttpStatusCode.OK, health);
        Assert.Empty(engine.Factory.Services.GetRequiredService<StartupReadiness>().Pending);
    }

    [Fact]
    public async Task Readiness_is_503_and_names_the_work_while_start_up_work_is_pending()
    {
        var readiness = engine.Factory.Services.GetRequiredService<StartupReadiness>();
        var name = $"test work {Guid.NewGuid():N}";
        readiness.Expect(name);
        using var anonymous = engine.Factory.CreateDefaultClient();

        var (pending, pendingBody, _) = await anonymous.GetJsonAsync("/health/ready");
        var (live, _, _) = await anonymous.GetJsonAsync("/health/live");
        readiness.MarkDone(name);
        var (done, _, _) = await anonymous.GetJsonAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pending);
        Assert.Contains(name, (string?)pendingBody!["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal(HttpStatusCode.OK, done);
    }
}
