using System.Text;
using System.Text.Json;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Tests.Support;

namespace CustomerEngine.Domain.Tests.Events;

public sealed class CustomerEventJsonTests
{
    public static IEnumerable<object[]> Types => SampleEvents.Types;

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_event_type_round_trips_exactly(string type)
    {
        var original = SampleEvents.Read(SampleEvents.Valid(type)).Event!;

        var bytes = CustomerEventJson.Serialize(original);
        var copy = CustomerEventJson.Deserialize(bytes);

        Assert.Equal(original, copy);
        Assert.Equal(original.OccurredAt.Offset, copy.OccurredAt.Offset);
        Assert.Equal(bytes, CustomerEventJson.Serialize(copy));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Stored_form_is_the_wire_form_and_can_be_posted_again(string type)
    {
        var original = SampleEvents.Read(SampleEvents.Valid(type)).Event!;

        var reposted = SampleEvents.Read(SampleEvents.Element(Encoding.UTF8.GetString(CustomerEventJson.Serialize(original))));

        Assert.True(reposted.IsValid, reposted.Error);
        Assert.Equal(original, reposted.Event);
    }

    [Fact]
    public void Stored_form_uses_the_wire_names()
    {
        var e = new CustomerEvent("e-1", "c-1", "cookie-9", EventTypes.CartAdded, Time.At("2026-03-01T10:00:00Z"), "s-1", EventChannel.CallCenter, new CartAdded("sku-1", null, "Acme", 5m, 2));

        using var document = JsonDocument.Parse(CustomerEventJson.Serialize(e));
        var root = document.RootElement;

        Assert.Equal("e-1", root.GetProperty("eventId").GetString());
        Assert.Equal("c-1", root.GetProperty("customerId").GetString());
        Assert.Equal("cookie-9", root.GetProperty("anonymousId").GetString());
        Assert.Equal("cart.added", root.GetProperty("type").GetString());
        Assert.Equal("2026-03-01T10:00:00Z", root.GetProperty("occurredAt").GetString());
        Assert.Equal("callcenter", root.GetProperty("channel").GetString());
        Assert.Equal(2, root.GetProperty("data").GetProperty("quantity").GetInt32());
        Assert.False(root.GetProperty("data").TryGetProperty("category", out _));
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T12:00:00+02:00")]
    [InlineData("2026-03-01T04:30:00-05:30")]
    [InlineData("2026-03-01T10:00:00.1234567Z")]
    [InlineData("2026-03-01T10:00:00.5+01:00")]
    public void Occurrence_time_survives_with_offset_and_sub_second_precision(string occurredAt)
    {
        var original = SampleEvents.Read(SampleEvents.With(EventTypes.StoreEntered, "occurredAt", $"\"{occurredAt}\"")).Event!;

        var copy = CustomerEventJson.Deserialize(CustomerEventJson.Serialize(original));

        Assert.True(original.OccurredAt.EqualsExact(copy.OccurredAt));
        Assert.Equal(occurredAt, JsonDocument.Parse(CustomerEventJson.Serialize(copy)).RootElement.GetProperty("occurredAt").GetString());
    }

    [Fact]
    public void Stored_event_is_read_back_even_beyond_todays_ingestion_limits()
    {
        // Accepted under an older, looser configuration: a long id and an old occurrence time.
        var json = $$"""{"eventId":"{{new string('e', 300)}}","customerId":"c-1","type":"store.entered","occurredAt":"1960-05-01T10:00:00Z","storeId":"s-1"}""";

        var e = CustomerEventJson.Deserialize(Encoding.UTF8.GetBytes(json));

        Assert.Equal(300, e.EventId.Length);
        Assert.Equal(1960, e.OccurredAt.Year);
    }

    [Fact]
    public void Invalid_stored_event_is_refused_with_the_field_named()
    {
        var json = """{"eventId":"e-1","customerId":"c-1","type":"purchase","occurredAt":"2026-03-01T10:00:00Z","data":{"orderId":"o-1","items":[],"total":1}}""";

        var error = Assert.Throws<JsonException>(() => CustomerEventJson.Deserialize(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("e-1", error.Message);
        Assert.Contains("data.items", error.Message);
    }
}
