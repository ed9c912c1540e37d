using System.Text.Json;
using CustomerEngine.CrossSell.Baskets;

namespace CustomerEngine.Grains.CrossSell;

/// <summary>
/// Reads the basket of a stored <c>purchase</c> event straight from its JSON, the same lines as
/// <see cref="PurchaseBasket.Lines"/> gives for the parsed event.
/// </summary>
/// <remarks>
/// The backfill reads every purchase in the log; parsing and validating whole events cost it
/// three quarters of its time. Stored events were validated when accepted, so reading only
/// <c>data.items[].sku</c>, <c>.category</c> and <c>.price</c> is enough. Anything unexpected
/// throws, and the caller falls back to the full parser.
/// </remarks>
internal static class StoredPurchaseReader
{
    /// <exception cref="JsonException">The payload is not a purchase in the stored form.</exception>
    /// <exception cref="InvalidOperationException">A field has an unexpected JSON type.</exception>
    /// <exception cref="FormatException">A price is not a decimal.</exception>
    public static IReadOnlyList<BasketLine> Lines(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (isData)
            {
                return ReadData(ref reader);
            }

            reader.Skip();
        }

        throw new JsonException("A stored purchase has no data.");
    }

    private static List<BasketLine> ReadData(ref Utf8JsonReader reader)
    {
        Require(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItems = reader.ValueTextEquals("items"u8);
            reader.Read();
            if (isItems)
            {
                return ReadItems(ref reader);
            }

            reader.Skip();
        }

        throw new JsonException("A stored purchase has no items.");
    }

    private static List<BasketLine> ReadItems(ref Utf8JsonReader reader)
    {
        Require(ref reader, JsonTokenType.StartArray);
        var lines = new List<BasketLine>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            lines.Add(ReadItem(ref reader));
        }

        Require(ref reader, JsonTokenType.EndArray);
        return lines;
    }

    private static BasketLine ReadItem(ref Utf8JsonReader reader)
    {
        string? sku = null;
        string? category = null;
        decimal? price = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sku"u8))
            {
                reader.Read();
                sku = reader.GetString();
            }
            else if (reader.ValueTextEquals("category"u8))
            {
                reader.Read();
                category = reader.GetString();
            }
            else if (reader.ValueTextEquals("price"u8))
            {
                reader.Read();
                price = reader.GetDecimal();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Require(ref reader, JsonTokenType.EndObject);
        return new BasketLine(
            sku ?? throw new JsonException("A stored purchase line has no sku."),
            string.IsNullOrWhiteSpace(category) ? null : category,
            price ?? throw new JsonException("A stored purchase line has no price."));
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        reader.Read();
        Require(ref reader, type);
    }

    private static void Require(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} in a stored purchase, found {reader.TokenType}.");
        }
    }
}
