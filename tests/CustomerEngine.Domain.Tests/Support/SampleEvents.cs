using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Domain.Events;

namespace CustomerEngine.Domain.Tests.Support;

/// <summary>One valid wire event per type, and a way to break one field of it.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset Now = Time.At("2026-03-01T12:00:00Z");

    public static readonly EventReadOptions Options = new();

    private static readonly Dictionary<string, string> DataByType = new()
    {
        [EventTypes.CustomerRegistered] = """{"name":"Ada Lovelace","kind":"individual","homeStoreId":"s-1","attributes":{"segment":"entrepreneur"}}""",
        [EventTypes.CustomerIdentified] = """{"anonymousId":"cookie-9"}""",
        [EventTypes.StoreEntered] = """{}""",
        [EventTypes.StoreLeft] = """{}""",
        [EventTypes.ProductViewed] = """{"sku":"sku-1","category":"shoes","brand":"Acme","price":59.90}""",
        [EventTypes.CartAdded] = """{"sku":"sku-1","category":"shoes","brand":"Acme","price":59.90,"quantity":2}""",
        [EventTypes.Purchase] = """{"orderId":"o-1","items":[{"sku":"sku-1","brand":"Acme","price":59.90,"quantity":2,"discount":10},{"sku":"sku-2","category":"socks","price":10,"quantity":1}],"total":119.80}""",
        [EventTypes.Return] = """{"orderId":"o-1","sku":"sku-1","amount":49.90}""",
        [EventTypes.Feedback] = """{"nps":9,"ces":2,"comment":"quick checkout"}""",
        [EventTypes.ComplaintOpened] = """{"complaintId":"k-1","topic":"delivery","severity":"high"}""",
        [EventTypes.ComplaintResolved] = """{"complaintId":"k-1"}""",
        [EventTypes.ConsentChanged] = """{"channel":"email","purpose":"marketing","granted":true}""",
        [EventTypes.SuggestionOutcome] = """{"suggestionId":"AbC123.Yy0x","actionId":"cross-sell","kind":"crossSell","outcome":"dismissed","reason":"not today"}""",
    };

    public static IEnumerable<object[]> Types => EventTypes.All.Select(t => new object[] { t });

    /// <summary>A valid event of <paramref name="type"/> as a JSON object.</summary>
    public static JsonObject Valid(string type) => new()
    {
        ["eventId"] = "e-1",
        ["customerId"] = "c-1",
        ["type"] = type,
        ["occurredAt"] = "2026-03-01T10:00:00Z",
        ["storeId"] = "s-1",
        ["channel"] = "store",
        ["data"] = JsonNode.Parse(DataByType[type]),
    };

    /// <summary>
    /// A valid event of <paramref name="type"/> with the field at <paramref name="path"/>
    /// (dotted, with [i] for array items) set to <paramref name="json"/>, or removed when it is null.
    /// </summary>
    public static JsonElement With(string type, string path, string? json)
    {
        var root = Valid(type);
        var segments = path.Split('.');
        JsonNode parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = Step(parent, segment)!;
        }

        var last = segments[^1];
        var index = last.IndexOf('[', StringComparison.Ordinal);
        if (index >= 0)
        {
            parent = parent[last[..index]]!;
            last = last[index..];
        }

        if (last.StartsWith('['))
        {
            var array = parent.AsArray();
            var i = int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture);
            array[i] = json is null ? null : JsonNode.Parse(json);
        }
        else if (json is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = JsonNode.Parse(json);
        }

        return Element(root.ToJsonString());
    }

    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static EventReadResult Read(JsonElement element) => CustomerEventReader.Read(element, Now, Options);

    public static EventReadResult Read(JsonNode node) => Read(Element(node.ToJsonString()));

    private static JsonNode? Step(JsonNode node, string segment)
    {
        var index = segment.IndexOf('[', StringComparison.Ordinal);
        if (index < 0)
        {
            return node[segment];
        }

        var i = int.Parse(segment[(index + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return node[segment[..index]]![i];
    }
}
