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

        var filled = new StringBuilder(template.Length + 32);
        var copied = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            if (values.TryGetValue(template[(open + 1)..close], out var value))
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

        return filled.Append(template, copied, template.Length - copied).ToString();
    }
}
