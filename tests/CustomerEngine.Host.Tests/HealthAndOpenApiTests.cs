using System.Net;
using CustomerEngine.Host.Tests.Support;

namespace CustomerEngine.Host.Tests;

public sealed class HealthAndOpenApiTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Health_is_200_when_the_store_is_reachable()
    {
        var (status, body, _) = await engine.Client.GetJsonAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", (string?)body!["status"]);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_event_and_customer_endpoints()
    {
        var (status, body, _) = await engine.Client.GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var paths = body!["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/events"));
        Assert.True(paths.ContainsKey("/api/customers/{id}"));
        Assert.True(paths.ContainsKey("/api/stores/{storeId}/presence"));
    }

    [Fact]
    public async Task A_node_alone_on_its_store_lists_only_itself_to_an_admin()
    {
        var (status, body, _) = await engine.Client.GetJsonAsync("/api/nodes");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((bool)body!["shared"]!);
        var node = Assert.Single(body["nodes"]!.AsArray())!;
        Assert.Equal((string?)body["nodeId"], (string?)node["nodeId"]);
        Assert.True((bool)node["isSelf"]! && (bool)node["connected"]! && (bool)node["mayBeAlive"]!);

        var manager = await engine.Factory.SignedInClientAsync("manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetJsonAsync("/api/nodes")).Status);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var (status, _, contentType) = await engine.Client.GetJsonAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", contentType);
    }
}
