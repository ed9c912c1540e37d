using System.Text.Json.Nodes;

namespace CustomerEngine.Durability.Tests.Verification;

/// <summary>Where two JSON documents differ, as paths with both values, for failure messages.</summary>
public static class JsonDifferences
{
    public static IReadOnlyList<string> Find(JsonNode? expected, JsonNode? actual, int max = 5)
    {
        var found = new List<string>();
        Walk(expected, actual, "$", found, max);
        return found;
    }

    private static void Walk(JsonNode? expected, JsonNode? actual, string path, List<string> found, int max)
    {
        if (found.Count >= max)
        {
            return;
        }

        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key), StringComparer.Ordinal))
                {
                    Walk(e[key], a[key], $"{path}.{key}", found, max);
                }

                break;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    Walk(i < e.Count ? e[i] : null, i < a.Count ? a[i] : null, $"{path}[{i}]", found, max);
                }

                break;
            default:
                var expectedText = expected?.ToJsonString() ?? "null";
                var actualText = actual?.ToJsonString() ?? "null";
                if (expectedText != actualText)
                {
                    found.Add($"{path}: expected {Shorten(expectedText)}, got {Shorten(actualText)}");
                }

                break;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
