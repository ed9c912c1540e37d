using System.Text.Json;
using CustomerEngine.Campaigns.Triggers;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// Reads dotted paths in a triggering event: first in its <c>data</c> (so <c>items.category</c> is
/// every line's category of a purchase), then at the event's top level (<c>storeId</c>,
/// <c>channel</c>). Arrays are looked into; a text that reads as an RFC 3339 time compares as a time with <c>gte</c>/<c>lte</c>.
/// </summary>
internal static class EventFields
{
    public static (FieldReader<TriggerSubject>? Reader, string? Error) Compile(string path)
    {
        var segments = path.Split('.');
        return segments.Any(string.IsNullOrWhiteSpace)
            ? (null, $"'{path}' is not a dotted path such as items.category")
            : (new JsonFieldReader(segments), null);
    }

    private sealed class JsonFieldReader(string[] segments) : FieldReader<TriggerSubject>
    {
        public override bool Any(TriggerSubject subject, ValueTest test)
        {
            var data = subject.Data;
            if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty(segments[0], out _))
            {
                return Walk(data, 0, test);
            }

            return Walk(subject.Root, 0, test);
        }

        private bool Walk(JsonElement element, int index, ValueTest test)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (Walk(item, index, test))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonValueKind.Object when index < segments.Length:
                    return element.TryGetProperty(segments[index], out var next) && Walk(next, index + 1, test);
                case JsonValueKind.String when index == segments.Length:
                    return test.Matches(FieldValue.OfText(element.GetString()!));
                case JsonValueKind.Number when index == segments.Length:
                    return test.Matches(FieldValue.OfNumber(element.GetDouble()));
                case JsonValueKind.True or JsonValueKind.False when index == segments.Length:
                    return test.Matches(FieldValue.OfFlag(element.ValueKind == JsonValueKind.True));
                default:
                    return false;
            }
        }
    }
}
