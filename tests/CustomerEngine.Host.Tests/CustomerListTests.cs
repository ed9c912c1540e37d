using System.Net;
using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class CustomerListTests
{
    [Fact]
    public async Task The_list_filters_by_stage_segment_and_store_and_pages()
    {
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            await client.IngestAsync(Purchase($"buyer-{i}", now.AddDays(-2), storeId: "S2", discount: 30m), Purchase($"buyer-{i}", now.AddDays(-1), storeId: "S2", discount: 30m));
        }

        await client.IngestAsync(Registered("prospect-1", now.AddDays(-1), homeStoreId: "S3"));
        await factory.FlushIndexAsync();

        var (_, active, _) = await client.GetJsonAsync("/api/customers?stage=active&pageSize=2&page=2");
        var (_, priceDriven, _) = await client.GetJsonAsync("/api/customers?segment=priceDriven");
        var (_, inS3, _) = await client.GetJsonAsync("/api/customers?storeId=S3");

        Assert.Equal(5, (long)active!["total"]!);
        Assert.Equal(["buyer-2", "buyer-3"], active["items"]!.AsArray().Select(i => (string)i!["customerId"]!));
        Assert.Equal(5, (long)priceDriven!["total"]!);
        Assert.Equal("prospect-1", (string?)Assert.Single(inS3!["items"]!.AsArray())!["customerId"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Theory]
    [InlineData("stage=sleepy", "stage")]
    [InlineData("tier=gold", "tier")]
    [InlineData("segment=rich", "segment")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=5000", "pageSize")]
    public async Task A_bad_filter_is_a_400_problem_naming_it(string query, string field)
    {
        await using var factory = new EngineFactory();
        var (status, body, contentType) = await factory.CreateClient().GetJsonAsync($"/api/customers?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(field, (string?)body!["field"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }
}
