using System.Text;

namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// Fills the <c>{placeholder}</c>s of titles and reason templates. Every provider fills
/// <c>{name}</c>, <c>{stage}</c>, <c>{tier}</c>, <c>{kind}</c> and <c>{store}</c>; each documents
/// its own (<c>{days}</c>, <c>{item}</c>, <c>{suggestion}</c>, …).
/// </summary>
public static class ReasonTemplate
{
    /// <summary>
    /// <paramref name="template"/> with each <c>{key}</c> of <paramref name="values"/> replaced by
    /// its value. Unknown placeholders are left as written so a typo in the catalog shows on screen
    /// instead of silently vanishing.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return template;
        }

        // Every candidate of every decision is filled, so the placeholder is looked up as a span
        // where the dictionary allows it, and the builder is kept per thread.
        var words = values as PlaceholderWords;
        var spans = words is null && values is Dictionary<string, string> dictionary
            && dictionary.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup) ? lookup : default;
        var filled = t_builder ?? new StringBuilder(256);
        t_builder = null;
        filled.Clear();
        var copied = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var key = template.AsSpan(open + 1, close - open - 1);
            string? value = null;
            var found = words is not null ? words.TryGetValue(key, out value)
                : spans.Dictionary is not null ? spans.TryGetValue(key, out value)
                : values.TryGetValue(key.ToString(), out value);
            if (found)
            {
                filled.Append(template, copied, open - copied).Append(value);
                copied = close + 1;
                open = template.IndexOf('{', close + 1);
            }
            else
            {
                // "{a{name}" must still fill {name}: look again from just after this brace.
                open = template.IndexOf('{', open + 1);
            }
        }

        var result = filled.Append(template, copied, template.Length - copied).ToString();
        if (filled.Capacity <= 1024)
        {
            t_builder = filled;
        }

        return result;
    }

    [ThreadStatic]
    private static StringBuilder? t_builder;
}
