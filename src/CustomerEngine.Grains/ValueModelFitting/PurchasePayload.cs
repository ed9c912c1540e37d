using System.Text.Json;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>
/// Reads what a fit needs from a stored <c>purchase</c> event without parsing the whole event: a fit walks every
/// purchase in the log, and the stored form was validated when the event was accepted.
/// </summary>
public static class PurchasePayload
{
    /// <summary>The <c>data.total</c> of a stored purchase event.</summary>
    /// <exception cref="JsonException">The payload has no numeric <c>data.total</c>.</exception>
    public static decimal TotalOf(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A stored event is a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (!isData)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                break;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTotal = reader.ValueTextEquals("total"u8);
                reader.Read();
                if (isTotal)
                {
                    return reader.GetDecimal();
                }

                reader.Skip();
            }

            break;
        }

        throw new JsonException("The stored purchase has no data.total.");
    }
}
