using System.Globalization;

namespace CustomerEngine.Host.ValueModels;

/// <summary>
/// Instants in model requests: a date alone (<c>1997-09-30</c>) is its midnight UTC; a time must carry its offset
/// (<c>Z</c> or <c>±hh:mm</c>), never the server's zone, which would move the day a fit ends on.
/// </summary>
internal static class RequestInstant
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        var hasOffset = text.Length > 10 && text[10] is 'T' or 't'
            && (text[^1] is 'Z' or 'z' || (text.Length > 16 && text[^6] is '+' or '-' && text[^3] == ':'));
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        value = default;
        return false;
    }
}
