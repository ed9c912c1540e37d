using System.Text.Json;
using CustomerEngine.Storage.Events;

namespace CustomerEngine.Grains.DataRights;

/// <summary>The stores named by stored events: where a customer may have left presence behind.</summary>
internal static class StoredEventStores
{
    public static IReadOnlyList<string> Of(IEnumerable<StoredEvent> events)
    {
        var stores = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var stored in events)
        {
            using var document = JsonDocument.Parse(stored.Payload);
            if (document.RootElement.TryGetProperty("storeId", out var storeId) && storeId.ValueKind == JsonValueKind.String && storeId.GetString() is { Length: > 0 } id)
            {
                stores.Add(id);
            }
        }

        return [.. stores];
    }
}
