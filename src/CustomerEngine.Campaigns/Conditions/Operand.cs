using System.Globalization;
using System.Text.Json;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// A condition's literal, read once when the campaign is compiled: a text (which may also read as
/// an RFC 3339 time), a number or a flag.
/// </summary>
internal sealed class Operand
{
    private Operand(string? text, double? number, bool? flag, DateTimeOffset? time)
    {
        Text = text;
        Number = number;
        Flag = flag;
        Time = time;
    }

    public string? Text { get; }

    public double? Number { get; }

    public bool? Flag { get; }

    public DateTimeOffset? Time { get; }

    /// <summary>The literal in <paramref name="element"/>, or null when it is not a string, number or boolean.</summary>
    public static Operand? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => OfText(element.GetString()!),
        JsonValueKind.Number when element.TryGetDouble(out var number) && double.IsFinite(number) => new Operand(null, number, null, null),
        JsonValueKind.True => new Operand(null, null, true, null),
        JsonValueKind.False => new Operand(null, null, false, null),
        _ => null,
    };

    public static Operand OfText(string text) =>
        new(text, null, null, TryTime(text, out var time) ? time : null);

    /// <summary>Reads an RFC 3339 time with an offset; a bare date means midnight UTC.</summary>
    public static bool TryTime(string text, out DateTimeOffset time)
    {
        // Only strings that look like dates: "5" or "tents" must not read as times.
        if (text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            return true;
        }

        time = default;
        return false;
    }

    public bool Equal(in FieldValue value) => value.Kind switch
    {
        FieldValueKind.Text when Text is not null => string.Equals(value.Text, Text, StringComparison.OrdinalIgnoreCase),
        FieldValueKind.Text when Number is { } number => NumberOf(value.Text) is { } parsed && parsed == number,
        FieldValueKind.Text when Flag is { } flag => bool.TryParse(value.Text, out var parsed) && parsed == flag,
        FieldValueKind.Number when Number is { } number => value.Number == number,
        FieldValueKind.Number when Text is not null => NumberOf(Text) is { } parsed && parsed == value.Number,
        FieldValueKind.Flag when Flag is { } flag => value.Flag == flag,
        FieldValueKind.Time when Time is { } time => value.Time == time,
        _ => false,
    };

    public bool ContainedIn(in FieldValue value) => value.Kind switch
    {
        FieldValueKind.Text when Text is not null => value.Text!.Contains(Text, StringComparison.OrdinalIgnoreCase),
        _ => Equal(value),
    };

    /// <summary>The sign of value − operand, or null when they cannot be ordered (text against a number, say).</summary>
    public int? CompareFrom(in FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldValueKind.Number when Number is { } number:
                return value.Number.CompareTo(number);
            case FieldValueKind.Time when Time is { } time:
                return value.Time.CompareTo(time);
            case FieldValueKind.Text when Number is { } number && NumberOf(value.Text) is { } parsed:
                return parsed.CompareTo(number);
            case FieldValueKind.Text when Time is { } time && TryTime(value.Text!, out var parsedTime):
                return parsedTime.CompareTo(time);
            default:
                return null;
        }
    }

    private static double? NumberOf(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
