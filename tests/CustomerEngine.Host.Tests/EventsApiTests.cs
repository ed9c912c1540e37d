using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;
using CustomerEngine.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class EventsApiTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(1));
    private readonly HttpClient _client = engine.Client;

    [Fact]
    public async Task A_single_event_object_is_accepted_and_is_in_the_store_when_the_202_arrives()
    {
        var id = $"c-{Guid.NewGuid():N}";
        var e = Entered(id, Day);
        var (status, body, _) = await _client.PostEventsAsync(e);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1, (int)body!["accepted"]!);
        Assert.Equal(0, (int)body["duplicates"]!);
        Assert.Empty(body["rejected"]!.AsArray());
        var stored = await engine.Factory.Services.GetRequiredService<IEventLog>().ReadStreamsAsync([id], 0);
        Assert.Equal((string)e["eventId"]!, Assert.Single(stored).EventId);
    }

    [Fact]
    public async Task The_same_event_id_posted_again_is_a_duplicate_and_changes_nothing()
    {
        var id = $"c-{Guid.NewGuid():N}";
        var purchase = Purchase(id, Day);
        await _client.IngestAsync(purchase);

        var again = await _client.IngestAsync(purchase);
        var inBatch = await _client.IngestAsync(Purchase(id, Day.AddDays(1), eventId: "dup-in-batch"), Purchase(id, Day.AddDays(1), eventId: "dup-in-batch"));

        Assert.Equal(0, (int)again["accepted"]!);
        Assert.Equal(1, (int)again["duplicates"]!);
        Assert.Equal(1, (int)inBatch["accepted"]!);
        Assert.Equal(1, (int)inBatch["duplicates"]!);
        var customer = await _client.CustomerAsync(id);
        Assert.Equal(2, (int)customer["stats"]!["purchases"]!);
    }

    [Fact]
    public async Task A_bad_event_in_a_batch_is_rejected_with_its_field_and_the_good_ones_are_accepted()
    {
        var id = $"c-{Guid.NewGuid():N}";
        var unknownType = Event("teleported", id, Day);
        var missingEventId = Entered(id, Day);
        missingEventId.Remove("eventId");
        var npsOutOfRange = Feedback(id, Day, nps: 11);
        var noOffset = Entered(id, Day);
        noOffset["occurredAt"] = "2026-03-01T10:00:00";
        var noCustomer = Entered(id, Day);
        noCustomer.Remove("customerId");
        var negativePrice = Purchase(id, Day, price: -5m);
        var notAnObject = JsonValue.Create(7);

        var body = await _client.IngestAsync(Entered(id, Day), unknownType, missingEventId, npsOutOfRange, noOffset, noCustomer, negativePrice, notAnObject!, Left(id, Day.AddMinutes(20)));

        Assert.Equal(2, (int)body["accepted"]!);
        var rejected = body["rejected"]!.AsArray().Select(r => ((int)r!["index"]!, (string?)r["field"])).ToList();
        Assert.Contains((1, "type"), rejected);
        Assert.Contains((2, "eventId"), rejected);
        Assert.Contains((3, "data.nps"), rejected);
        Assert.Contains((4, "occurredAt"), rejected);
        Assert.Contains((5, "customerId"), rejected);
        Assert.Contains(rejected, r => r.Item1 == 6 && r.Item2!.StartsWith("data.items[0].price", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r.Item1 == 7);
        Assert.Equal(7, rejected.Count);
        Assert.All(body["rejected"]!.AsArray(), r => Assert.False(string.IsNullOrWhiteSpace((string?)r!["error"])));
        Assert.Equal((string)unknownType["eventId"]!, (string?)body["rejected"]![0]!["eventId"]);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_body()
    {
        var (status, body, contentType) = await _client.PostRawAsync("{\"eventId\": \"x\", ");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("body", (string?)body!["field"]);
        Assert.Contains("not valid JSON", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"purchase\"")]
    [InlineData("null")]
    public async Task A_body_that_is_neither_an_event_nor_an_array_is_a_400_problem(string json)
    {
        var (status, body, contentType) = await _client.PostRawAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("body", (string?)body!["field"]);
    }

    [Fact]
    public async Task More_than_1000_events_in_one_request_is_a_413_problem_and_stores_nothing()
    {
        var id = $"c-{Guid.NewGuid():N}";
        var events = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode)Entered(id, Day.AddSeconds(i)))]);

        var (status, body, contentType) = await _client.PostEventsAsync(events);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains("1000", (string?)body!["detail"], StringComparison.Ordinal);
        var (missing, _, _) = await _client.GetJsonAsync($"/api/customers/{id}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_a_413_problem()
    {
        var e = Feedback($"c-{Guid.NewGuid():N}", Day, nps: 8);
        e["data"]!["comment"] = new string('x', 1024 * 1024);

        var (status, body, contentType) = await _client.PostEventsAsync(e);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("body", (string?)body!["field"]);
    }

    [Fact]
    public async Task A_streamed_batch_of_unknown_length_is_read_whole_and_accepted()
    {
        // About 300 KB without a Content-Length: read in pieces, well past the first buffer.
        var id = $"c-{Guid.NewGuid():N}";
        var events = new JsonArray([.. Enumerable.Range(0, 1000).Select(i =>
        {
            var e = Feedback(id, Day.AddSeconds(i), nps: i % 11);
            e["data"]!["comment"] = new string('c', 200);
            return (JsonNode)e;
        })]);

        var (status, body, _) = await _client.PostEventsStreamedAsync(events);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1000, (int)body!["accepted"]!);
        Assert.Empty(body["rejected"]!.AsArray());
    }

    [Fact]
    public async Task A_streamed_body_over_one_mebibyte_is_a_413_problem_even_without_a_content_length()
    {
        var e = Feedback($"c-{Guid.NewGuid():N}", Day, nps: 8);
        e["data"]!["comment"] = new string('x', 1024 * 1024);

        var (status, body, contentType) = await _client.PostEventsStreamedAsync(e);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("body", (string?)body!["field"]);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_is_a_415_problem()
    {
        var (status, body, contentType) = await _client.PostRawAsync("eventId=1", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("Content-Type", (string?)body!["field"]);
    }

    [Fact]
    public async Task An_event_far_in_the_future_is_rejected_as_out_of_range()
    {
        var body = await _client.IngestAsync(Entered($"c-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddDays(2)));

        Assert.Equal(0, (int)body["accepted"]!);
        Assert.Equal("occurredAt", (string?)body["rejected"]![0]!["field"]);
    }
}
