using System.Text.Json.Nodes;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Tests.Support;

namespace CustomerEngine.Domain.Tests.Events;

public sealed class CustomerEventReaderTests
{
    [Fact]
    public void Registration_is_read_with_kind_home_store_and_attributes()
    {
        var result = SampleEvents.Read(SampleEvents.Valid(EventTypes.CustomerRegistered));

        Assert.True(result.IsValid, result.Error);
        var e = result.Event;
        Assert.Equal("e-1", e.EventId);
        Assert.Equal("c-1", e.CustomerId);
        Assert.Equal(EventTypes.CustomerRegistered, e.Type);
        Assert.Equal(Time.At("2026-03-01T10:00:00Z"), e.OccurredAt);
        Assert.Equal("s-1", e.StoreId);
        Assert.Equal(EventChannel.Store, e.Channel);
        var data = Assert.IsType<CustomerRegistered>(e.Data);
        Assert.Equal("Ada Lovelace", data.Name);
        Assert.Equal(CustomerKind.Individual, data.Kind);
        Assert.Equal("s-1", data.HomeStoreId);
        Assert.Equal("entrepreneur", data.Attributes["segment"]);
    }

    [Fact]
    public void Organization_registration_without_optional_fields_is_read()
    {
        var json = SampleEvents.Valid(EventTypes.CustomerRegistered);
        json["data"] = JsonNode.Parse("""{"kind":"organization"}""");

        var data = Assert.IsType<CustomerRegistered>(SampleEvents.Read(json).Event?.Data);

        Assert.Equal(CustomerKind.Organization, data.Kind);
        Assert.Null(data.Name);
        Assert.Null(data.HomeStoreId);
        Assert.Empty(data.Attributes);
    }

    [Fact]
    public void Identification_carries_the_anonymous_id()
    {
        var data = Assert.IsType<CustomerIdentified>(SampleEvents.Read(SampleEvents.Valid(EventTypes.CustomerIdentified)).Event?.Data);

        Assert.Equal("cookie-9", data.AnonymousId);
    }

    [Theory]
    [InlineData(EventTypes.StoreEntered, typeof(StoreEntered))]
    [InlineData(EventTypes.StoreLeft, typeof(StoreLeft))]
    public void Store_visits_need_no_data(string type, Type dataType)
    {
        var json = SampleEvents.Valid(type);
        json.Remove("data");

        var result = SampleEvents.Read(json);

        Assert.True(result.IsValid, result.Error);
        Assert.IsType(dataType, result.Event.Data);
        Assert.Equal("s-1", result.Event.StoreId);
    }

    [Fact]
    public void Product_view_is_read_with_its_optional_fields()
    {
        var data = Assert.IsType<ProductViewed>(SampleEvents.Read(SampleEvents.Valid(EventTypes.ProductViewed)).Event?.Data);

        Assert.Equal(new ProductViewed("sku-1", "shoes", "Acme", 59.90m), data);
    }

    [Fact]
    public void Cart_addition_without_quantity_adds_one()
    {
        var json = SampleEvents.Valid(EventTypes.CartAdded);
        json["data"] = JsonNode.Parse("""{"sku":"sku-1"}""");

        var data = Assert.IsType<CartAdded>(SampleEvents.Read(json).Event?.Data);

        Assert.Equal(new CartAdded("sku-1", null, null, null, 1), data);
    }

    [Fact]
    public void Purchase_is_read_with_items_and_a_missing_discount_is_zero()
    {
        var data = Assert.IsType<Purchase>(SampleEvents.Read(SampleEvents.Valid(EventTypes.Purchase)).Event?.Data);

        Assert.Equal("o-1", data.OrderId);
        Assert.Equal(119.80m, data.Total);
        Assert.Equal(
            [new PurchaseItem("sku-1", null, "Acme", 59.90m, 2, 10m), new PurchaseItem("sku-2", "socks", null, 10m, 1, 0m)],
            data.Items);
        Assert.Equal(109.80m, data.Items[0].Spend);
        Assert.Equal(3, data.ItemCount);
    }

    [Fact]
    public void Return_is_read()
    {
        var data = Assert.IsType<ProductReturned>(SampleEvents.Read(SampleEvents.Valid(EventTypes.Return)).Event?.Data);

        Assert.Equal(new ProductReturned("o-1", "sku-1", 49.90m), data);
    }

    [Theory]
    [InlineData("""{"nps":9,"ces":2,"comment":"quick checkout"}""", 9, 2, "quick checkout")]
    [InlineData("""{"nps":0}""", 0, null, null)]
    [InlineData("""{"ces":7}""", null, 7, null)]
    [InlineData("""{"comment":"the shop was cold"}""", null, null, "the shop was cold")]
    public void Feedback_needs_any_one_of_score_effort_or_comment(string data, int? nps, int? ces, string? comment)
    {
        var json = SampleEvents.Valid(EventTypes.Feedback);
        json["data"] = JsonNode.Parse(data);

        var feedback = Assert.IsType<FeedbackGiven>(SampleEvents.Read(json).Event?.Data);

        Assert.Equal(new FeedbackGiven(nps, ces, comment), feedback);
    }

    [Fact]
    public void Complaints_are_read()
    {
        var opened = Assert.IsType<ComplaintOpened>(SampleEvents.Read(SampleEvents.Valid(EventTypes.ComplaintOpened)).Event?.Data);
        var resolved = Assert.IsType<ComplaintResolved>(SampleEvents.Read(SampleEvents.Valid(EventTypes.ComplaintResolved)).Event?.Data);

        Assert.Equal(new ComplaintOpened("k-1", "delivery", "high"), opened);
        Assert.Equal(new ComplaintResolved("k-1"), resolved);
    }

    [Fact]
    public void Consent_change_is_read()
    {
        var data = Assert.IsType<ConsentChanged>(SampleEvents.Read(SampleEvents.Valid(EventTypes.ConsentChanged)).Event?.Data);

        Assert.Equal(new ConsentChanged("email", "marketing", true), data);
    }

    [Theory]
    [InlineData("store", EventChannel.Store)]
    [InlineData("online", EventChannel.Online)]
    [InlineData("app", EventChannel.App)]
    [InlineData("callcenter", EventChannel.CallCenter)]
    public void Channels_are_read_by_their_wire_names(string wire, EventChannel channel)
    {
        var result = SampleEvents.Read(SampleEvents.With(EventTypes.ProductViewed, "channel", $"\"{wire}\""));

        Assert.Equal(channel, result.Event?.Channel);
    }

    [Fact]
    public void Anonymous_visitor_event_is_keyed_by_the_anonymous_stream()
    {
        var json = SampleEvents.Valid(EventTypes.ProductViewed);
        json.Remove("customerId");
        json["anonymousId"] = "cookie-9";

        var e = SampleEvents.Read(json).Event;

        Assert.NotNull(e);
        Assert.Null(e.CustomerId);
        Assert.Equal("anon:cookie-9", e.StreamKey);
    }

    [Fact]
    public void Known_customer_event_is_keyed_by_the_customer_even_with_an_anonymous_id()
    {
        var json = SampleEvents.Valid(EventTypes.ProductViewed);
        json["anonymousId"] = "cookie-9";

        Assert.Equal("c-1", SampleEvents.Read(json).Event?.StreamKey);
    }

    [Fact]
    public void Occurrence_time_keeps_the_producers_offset()
    {
        var result = SampleEvents.Read(SampleEvents.With(EventTypes.StoreEntered, "occurredAt", "\"2026-03-01T12:00:00.125+02:00\""));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(TimeSpan.FromHours(2), result.Event.OccurredAt.Offset);
        Assert.Equal(Time.At("2026-03-01T10:00:00.125Z"), result.Event.OccurredAt);
    }

    [Fact]
    public void Occurrence_time_within_the_future_skew_is_accepted()
    {
        var json = SampleEvents.With(EventTypes.StoreEntered, "occurredAt", "\"2026-03-01T12:04:59Z\"");

        Assert.True(SampleEvents.Read(json).IsValid);
    }

    [Fact]
    public void Occurrence_time_beyond_the_future_skew_is_out_of_range()
    {
        var result = SampleEvents.Read(SampleEvents.With(EventTypes.StoreEntered, "occurredAt", "\"2026-03-01T12:05:01Z\""));

        Assert.False(result.IsValid);
        Assert.Equal("occurredAt", result.Field);
        Assert.Equal("is out of range: must not be more than 5 minutes ahead of the engine's clock", result.Error);
    }

    [Fact]
    public void Configured_future_skew_is_used()
    {
        var json = SampleEvents.With(EventTypes.StoreEntered, "occurredAt", "\"2026-03-01T13:00:00Z\"");

        var result = CustomerEventReader.Read(json, SampleEvents.Now, new EventReadOptions { MaxFutureSkew = TimeSpan.FromHours(2) });

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public void Occurrence_time_before_the_earliest_accepted_is_out_of_range()
    {
        var result = SampleEvents.Read(SampleEvents.With(EventTypes.StoreEntered, "occurredAt", "\"1969-12-31T23:59:59Z\""));

        Assert.Equal("occurredAt", result.Field);
        Assert.StartsWith("is out of range: must not be before 1970-01-01T00:00:00Z", result.Error);
    }

    [Theory]
    [InlineData("\"2026-03-01T10:00:00\"")]
    [InlineData("\"2026-03-01 10:00:00Z\"")]
    [InlineData("\"2026-03-01\"")]
    [InlineData("\"2026-02-30T10:00:00Z\"")]
    [InlineData("\"2026-03-01T24:00:00Z\"")]
    [InlineData("\"2026-03-01T10:00:00+0200\"")]
    [InlineData("\"2026-03-01T10:00:00.Z\"")]
    [InlineData("\"2026-03-01T10:00:00+15:00\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("1772359200")]
    public void Occurrence_time_must_be_rfc3339_with_offset(string occurredAt)
    {
        var result = SampleEvents.Read(SampleEvents.With(EventTypes.StoreEntered, "occurredAt", occurredAt));

        Assert.False(result.IsValid);
        Assert.Equal("occurredAt", result.Field);
        Assert.Contains(occurredAt.StartsWith('"') ? "RFC 3339 timestamp with offset" : "must be a string", result.Error);
    }

    [Fact]
    public void Unknown_type_is_rejected_with_the_known_types_listed()
    {
        var result = SampleEvents.Read(SampleEvents.With(EventTypes.StoreEntered, "type", "\"store.visited\""));

        Assert.Equal("type", result.Field);
        Assert.Equal("e-1", result.EventId);
        Assert.All(EventTypes.All, t => Assert.Contains(t, result.Error));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"purchase\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Element_that_is_not_an_object_is_rejected(string json)
    {
        var result = SampleEvents.Read(SampleEvents.Element(json));

        Assert.False(result.IsValid);
        Assert.Null(result.EventId);
        Assert.Equal("$", result.Field);
        Assert.Equal("must be a JSON object", result.Error);
    }

    [Fact]
    public void Default_element_is_rejected_as_not_an_object()
    {
        Assert.False(SampleEvents.Read(default(System.Text.Json.JsonElement)).IsValid);
    }

    [Fact]
    public void Event_id_is_reported_even_when_another_field_is_invalid()
    {
        var result = SampleEvents.Read(SampleEvents.With(EventTypes.Purchase, "data.total", "-1"));

        Assert.False(result.IsValid);
        Assert.Null(result.Event);
        Assert.Equal("e-1", result.EventId);
    }

    [Fact]
    public void Fields_sent_as_null_count_as_absent()
    {
        var json = SampleEvents.Valid(EventTypes.ProductViewed);
        json["storeId"] = null;
        json["channel"] = null;
        json["data"]!["brand"] = null;

        var result = SampleEvents.Read(json);

        Assert.True(result.IsValid, result.Error);
        Assert.Null(result.Event.StoreId);
        Assert.Null(result.Event.Channel);
        Assert.Null(((ProductViewed)result.Event.Data).Brand);
    }

    [Fact]
    public void Unknown_properties_are_ignored()
    {
        var json = SampleEvents.Valid(EventTypes.Feedback);
        json["source"] = "kiosk";
        json["data"]!["language"] = "en";

        Assert.True(SampleEvents.Read(json).IsValid);
    }

    [Fact]
    public void Configured_id_length_is_enforced()
    {
        var json = SampleEvents.With(EventTypes.StoreEntered, "eventId", "\"0123456789\"");

        var result = CustomerEventReader.Read(json, SampleEvents.Now, new EventReadOptions { MaxIdLength = 8 });

        Assert.Equal("eventId", result.Field);
        Assert.Equal("must be at most 8 characters", result.Error);
    }

    [Fact]
    public void Too_many_attributes_are_refused()
    {
        var attributes = new JsonObject();
        for (var i = 0; i < 33; i++)
        {
            attributes["a" + i] = "x";
        }

        var json = SampleEvents.Valid(EventTypes.CustomerRegistered);
        json["data"]!["attributes"] = attributes;

        var result = SampleEvents.Read(json);

        Assert.Equal("data.attributes", result.Field);
        Assert.Equal("must have at most 32 entries", result.Error);
    }

    public static TheoryData<string, string, string?, string, string> InvalidFields => new()
    {
        // type, path changed, new JSON value (null = removed), field reported, error
        { EventTypes.StoreEntered, "eventId", null, "eventId", "is required" },
        { EventTypes.StoreEntered, "eventId", "42", "eventId", "must be a string" },
        { EventTypes.StoreEntered, "eventId", "\"\"", "eventId", "must not be empty" },
        { EventTypes.StoreEntered, "eventId", "\"   \"", "eventId", "must not be empty" },
        { EventTypes.StoreEntered, "eventId", $"\"{new string('x', 129)}\"", "eventId", "must be at most 128 characters" },
        { EventTypes.StoreEntered, "customerId", null, "customerId", "is required unless anonymousId is given" },
        { EventTypes.StoreEntered, "customerId", "7", "customerId", "must be a string" },
        { EventTypes.StoreEntered, "customerId", $"\"{new string('c', 129)}\"", "customerId", "must be at most 128 characters" },
        { EventTypes.StoreEntered, "customerId", "\"anon:cookie-9\"", "customerId", "must not start with \"anon:\", which is reserved for anonymous visitors" },
        { EventTypes.StoreEntered, "anonymousId", $"\"{new string('a', 129)}\"", "anonymousId", "must be at most 128 characters" },
        { EventTypes.StoreEntered, "type", null, "type", "is required" },
        { EventTypes.StoreEntered, "type", "1", "type", "must be a string" },
        { EventTypes.StoreEntered, "occurredAt", null, "occurredAt", "is required" },
        { EventTypes.StoreEntered, "storeId", null, "storeId", "is required for store.entered" },
        { EventTypes.StoreLeft, "storeId", null, "storeId", "is required for store.left" },
        { EventTypes.StoreEntered, "storeId", $"\"{new string('s', 129)}\"", "storeId", "must be at most 128 characters" },
        { EventTypes.StoreEntered, "channel", "\"web\"", "channel", "must be one of: store, online, app, callcenter" },
        { EventTypes.StoreEntered, "channel", "\"Store\"", "channel", "must be one of: store, online, app, callcenter" },
        { EventTypes.StoreEntered, "channel", "1", "channel", "must be one of: store, online, app, callcenter" },
        { EventTypes.StoreEntered, "data", "[]", "data", "must be an object" },
        { EventTypes.Purchase, "data", "\"o-1\"", "data", "must be an object" },
        { EventTypes.Purchase, "data", null, "data", "is required for purchase" },
        { EventTypes.CustomerRegistered, "data.kind", null, "data.kind", "is required; must be one of: individual, organization" },
        { EventTypes.CustomerRegistered, "data.kind", "\"organisation\"", "data.kind", "must be one of: individual, organization" },
        { EventTypes.CustomerRegistered, "data.name", "false", "data.name", "must be a string" },
        { EventTypes.CustomerRegistered, "data.homeStoreId", "\"\"", "data.homeStoreId", "must not be empty" },
        { EventTypes.CustomerRegistered, "data.attributes", "[\"entrepreneur\"]", "data.attributes", "must be an object whose values are strings" },
        { EventTypes.CustomerRegistered, "data.attributes", "{\"age\":61}", "data.attributes.age", "must be a string" },
        { EventTypes.CustomerIdentified, "customerId", null, "customerId", "is required unless anonymousId is given" },
        { EventTypes.CustomerIdentified, "data.anonymousId", null, "data.anonymousId", "is required" },
        { EventTypes.CustomerIdentified, "data.anonymousId", "\"\"", "data.anonymousId", "must not be empty" },
        { EventTypes.ProductViewed, "data.sku", null, "data.sku", "is required" },
        { EventTypes.ProductViewed, "data.sku", "123", "data.sku", "must be a string" },
        { EventTypes.ProductViewed, "data.price", "-0.01", "data.price", "must be a number of 0 or more" },
        { EventTypes.ProductViewed, "data.price", "\"59.90\"", "data.price", "must be a number of 0 or more" },
        { EventTypes.ProductViewed, "data.price", "1e400", "data.price", "must be a number of 0 or more" },
        { EventTypes.CartAdded, "data.quantity", "0", "data.quantity", "must be an integer of 1 or more" },
        { EventTypes.CartAdded, "data.quantity", "1.5", "data.quantity", "must be an integer of 1 or more" },
        { EventTypes.CartAdded, "data.price", "-5", "data.price", "must be a number of 0 or more" },
        { EventTypes.CartAdded, "data.sku", null, "data.sku", "is required" },
        { EventTypes.Purchase, "data.orderId", null, "data.orderId", "is required" },
        { EventTypes.Purchase, "data.items", null, "data.items", "is required" },
        { EventTypes.Purchase, "data.items", "{}", "data.items", "must be an array" },
        { EventTypes.Purchase, "data.items", "[]", "data.items", "must contain at least one item" },
        { EventTypes.Purchase, "data.items[1]", "\"sku-2\"", "data.items[1]", "must be an object" },
        { EventTypes.Purchase, "data.items[1].sku", null, "data.items[1].sku", "is required" },
        { EventTypes.Purchase, "data.items[0].price", null, "data.items[0].price", "is required" },
        { EventTypes.Purchase, "data.items[1].price", "-1", "data.items[1].price", "must be a number of 0 or more" },
        { EventTypes.Purchase, "data.items[0].quantity", null, "data.items[0].quantity", "is required" },
        { EventTypes.Purchase, "data.items[0].quantity", "0", "data.items[0].quantity", "must be an integer of 1 or more" },
        { EventTypes.Purchase, "data.items[0].discount", "-1", "data.items[0].discount", "must be a number of 0 or more" },
        { EventTypes.Purchase, "data.items[0].discount", "119.81", "data.items[0].discount", "must not exceed price × quantity" },
        { EventTypes.Purchase, "data.total", null, "data.total", "is required" },
        { EventTypes.Purchase, "data.total", "-1", "data.total", "must be a number of 0 or more" },
        { EventTypes.Return, "data.orderId", null, "data.orderId", "is required" },
        { EventTypes.Return, "data.sku", null, "data.sku", "is required" },
        { EventTypes.Return, "data.amount", null, "data.amount", "is required" },
        { EventTypes.Return, "data.amount", "-3", "data.amount", "must be a number of 0 or more" },
        { EventTypes.Feedback, "data.nps", "11", "data.nps", "must be an integer from 0 to 10" },
        { EventTypes.Feedback, "data.nps", "-1", "data.nps", "must be an integer from 0 to 10" },
        { EventTypes.Feedback, "data.nps", "8.5", "data.nps", "must be an integer from 0 to 10" },
        { EventTypes.Feedback, "data.nps", "\"9\"", "data.nps", "must be an integer from 0 to 10" },
        { EventTypes.Feedback, "data.ces", "0", "data.ces", "must be an integer from 1 to 7" },
        { EventTypes.Feedback, "data.ces", "8", "data.ces", "must be an integer from 1 to 7" },
        { EventTypes.Feedback, "data.comment", "{}", "data.comment", "must be a string" },
        { EventTypes.ComplaintOpened, "data.complaintId", null, "data.complaintId", "is required" },
        { EventTypes.ComplaintOpened, "data.topic", "3", "data.topic", "must be a string" },
        { EventTypes.ComplaintResolved, "data.complaintId", null, "data.complaintId", "is required" },
        { EventTypes.ConsentChanged, "data.channel", null, "data.channel", "is required" },
        { EventTypes.ConsentChanged, "data.granted", null, "data.granted", "is required" },
        { EventTypes.ConsentChanged, "data.granted", "\"yes\"", "data.granted", "must be true or false" },
        { EventTypes.ConsentChanged, "data.purpose", "5", "data.purpose", "must be a string" },
        { EventTypes.SuggestionOutcome, "data.outcome", "\"maybe\"", "data.outcome", "must be accepted or dismissed" },
        { EventTypes.SuggestionOutcome, "data.suggestionId", null, "data.suggestionId", "is required" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public void Invalid_field_is_named_and_explained(string type, string path, string? value, string field, string error)
    {
        var result = SampleEvents.Read(SampleEvents.With(type, path, value));

        Assert.False(result.IsValid);
        Assert.Null(result.Event);
        Assert.Equal(field, result.Field);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void Feedback_without_score_or_comment_is_rejected()
    {
        var json = SampleEvents.Valid(EventTypes.Feedback);
        json["data"] = new JsonObject();

        var result = SampleEvents.Read(json);

        Assert.Equal("data", result.Field);
        Assert.Equal("must contain at least one of nps, ces or comment", result.Error);
    }

    [Fact]
    public void Identification_needs_a_known_customer()
    {
        var json = SampleEvents.Valid(EventTypes.CustomerIdentified);
        json.Remove("customerId");
        json["anonymousId"] = "cookie-9";

        var result = SampleEvents.Read(json);

        Assert.Equal("customerId", result.Field);
        Assert.Equal("is required for customer.identified", result.Error);
    }
}
