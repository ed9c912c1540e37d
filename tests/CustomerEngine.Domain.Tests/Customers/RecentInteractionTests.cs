using System.Text.Json;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;

namespace CustomerEngine.Domain.Tests.Customers;

public sealed class RecentInteractionTests
{
    public static TheoryData<string> EventIds => new()
    {
        "e-1",
        "mem-123456-17",
        "exactly-16-chars",
        "seventeen-chars-x",
        "3fa9-1c2e44d0-1048576",
        "V1StGXR8_Z5jdHi6B-myT",
        "0000000000000000000_0",
        "__________________---",
        "twenty-two-characters1",
        "seventeen.chars.x",
        "héllo-world-1234567",
        "8c4e6a0f-2f57-4c1e-9a3b-0d6f4f7e1b2a",
        "8C4E6A0F-2F57-4C1E-9A3B-0D6F4F7E1B2A",
        "{8c4e6a0f-2f57-4c1e-9a3b-0d6f4f7e1b2a}",
        "événement-1",
        "a\0b",
        "",
    };

    [Theory]
    [MemberData(nameof(EventIds))]
    public void Event_id_reads_back_exactly_as_given(string eventId)
    {
        var interaction = new RecentInteraction(eventId, EventTypes.Purchase, DateTimeOffset.UnixEpoch, null, null, "purchase 1 item, 9.00");

        Assert.Equal(eventId, interaction.EventId);
        Assert.Equal(eventId, (interaction with { EventId = eventId }).EventId);
    }

    [Theory]
    [MemberData(nameof(EventIds))]
    public void Interaction_round_trips_through_json_unchanged(string eventId)
    {
        var interaction = new RecentInteraction(eventId, EventTypes.StoreEntered, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(5.5)), "S1", EventChannel.CallCenter, "entered store");
        var json = JsonSerializer.Serialize(interaction);

        var copy = JsonSerializer.Deserialize<RecentInteraction>(json);

        Assert.Equal(interaction, copy);
        Assert.Equal(json, JsonSerializer.Serialize(copy));
    }

    [Theory]
    [InlineData("e-1", "{8c4e6a0f-2f57-4c1e-9a3b-0d6f4f7e1b2a}")]
    [InlineData("{8c4e6a0f-2f57-4c1e-9a3b-0d6f4f7e1b2a}", "e-1")]
    [InlineData("événement-1", "événement-2")]
    public void Changing_the_event_id_or_the_summary_keeps_the_other(string eventId, string otherId)
    {
        var interaction = new RecentInteraction(eventId, EventTypes.Purchase, DateTimeOffset.UnixEpoch, "S1", null, "purchase 1 item, 9.00");

        var renamed = interaction with { EventId = otherId };
        var resummarised = interaction with { Summary = "purchase 2 items, 18.00" };

        Assert.Equal((otherId, "purchase 1 item, 9.00"), (renamed.EventId, renamed.Summary));
        Assert.Equal((eventId, "purchase 2 items, 18.00"), (resummarised.EventId, resummarised.Summary));
    }

    [Fact]
    public void Ids_of_the_same_length_and_alphabet_stay_distinct()
    {
        string[] ids = ["3fa9-1c2e44d0-1048576", "3fa9-1c2e44d0-1048577", "03fa9-1c2e44d0-104857", "3fa9-1c2e44d0-104857_"];

        var interactions = ids.Select(id => new RecentInteraction(id, EventTypes.Purchase, DateTimeOffset.UnixEpoch, null, null, "purchase")).ToArray();

        Assert.Equal(ids.Length, interactions.Distinct().Count());
        Assert.Equal(ids, interactions.Select(i => i.EventId));
    }

    [Fact]
    public void Occurrence_time_keeps_its_offset_and_an_absent_channel_stays_absent()
    {
        var at = new DateTimeOffset(2026, 3, 2, 10, 20, 0, 123, TimeSpan.FromHours(-3));

        var interaction = new RecentInteraction("e-1", EventTypes.Feedback, at, null, null, "feedback NPS 9");

        Assert.Equal(at, interaction.OccurredAt);
        Assert.Equal(at.Offset, interaction.OccurredAt.Offset);
        Assert.Null(interaction.Channel);
        Assert.Null(interaction.StoreId);
    }

    [Fact]
    public void Every_channel_reads_back()
    {
        foreach (var channel in Enum.GetValues<EventChannel>())
        {
            Assert.Equal(channel, new RecentInteraction("e-1", EventTypes.Feedback, DateTimeOffset.UnixEpoch, null, channel, "x").Channel);
        }
    }

    [Fact]
    public void Equal_summaries_of_different_customers_share_one_instance()
    {
        var first = new RecentInteraction("e-1", EventTypes.ProductViewed, DateTimeOffset.UnixEpoch, null, null, string.Concat("viewed ", "SKU-shared"));
        var second = new RecentInteraction("e-2", EventTypes.ProductViewed, DateTimeOffset.UnixEpoch, null, null, string.Concat("viewed ", "SKU-shared"));

        Assert.Same(first.Summary, second.Summary);
    }

    [Fact]
    public void Known_types_read_back_as_the_shared_constants_and_other_types_as_given()
    {
        var known = new RecentInteraction("e-1", string.Concat("pur", "chase"), DateTimeOffset.UnixEpoch, null, null, "x");
        var other = new RecentInteraction("e-2", "loyalty.points-earned", DateTimeOffset.UnixEpoch, null, null, "x");

        Assert.Same(EventTypes.Purchase, known.Type);
        Assert.Equal("loyalty.points-earned", other.Type);
        Assert.Equal("loyalty.points-earned", (other with { Type = "loyalty.points-earned" }).Type);
    }
}
