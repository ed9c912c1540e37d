using System.Globalization;

namespace CustomerEngine.Domain.Events;

/// <summary>
/// Strict RFC 3339 timestamps. The general .NET parsers accept a time without offset and quietly
/// assume the server's zone, which would shift events by hours depending on where the engine runs.
/// </summary>
internal static class Rfc3339
{
    private const int MaxOffsetMinutes = 14 * 60;

    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20
            || !Digits(s, 0, 4, out var year) || s[4] != '-'
            || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day) || (s[10] != 'T' && s[10] != 't')
            || !Digits(s, 11, 2, out var hour) || s[13] != ':'
            || !Digits(s, 14, 2, out var minute) || s[16] != ':'
            || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            var scale = TimeSpan.TicksPerSecond;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                // Digits finer than a tick (100 ns) are truncated: DateTimeOffset cannot hold them.
                scale /= 10;
                fractionTicks += (s[i] - '0') * scale;
            }

            if (i == start)
            {
                return false;
            }
        }

        int offsetMinutes;
        if (i < s.Length && (s[i] == 'Z' || s[i] == 'z'))
        {
            offsetMinutes = 0;
            i++;
        }
        else if (i + 6 == s.Length && (s[i] == '+' || s[i] == '-')
            && Digits(s, i + 1, 2, out var offsetHours) && s[i + 3] == ':'
            && Digits(s, i + 4, 2, out var offsetMinutePart) && offsetMinutePart < 60)
        {
            offsetMinutes = (s[i] == '-' ? -1 : 1) * ((offsetHours * 60) + offsetMinutePart);
            i += 6;
        }
        else
        {
            return false;
        }

        if (i != s.Length
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59
            || Math.Abs(offsetMinutes) > MaxOffsetMinutes)
        {
            return false;
        }

        var localTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var utcTicks = localTicks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(localTicks, offset);
        return true;
    }

    /// <summary>The longest text <see cref="TryFormat"/> writes: seven fractional digits and an offset.</summary>
    public const int MaxLength = 33;

    public static string Format(DateTimeOffset value)
    {
        Span<char> text = stackalloc char[MaxLength];
        TryFormat(value, text, out var written);
        return new string(text[..written]);
    }

    /// <summary>Writes <paramref name="value"/> as <see cref="Format"/> does, without making a string: every stored event has one.</summary>
    public static bool TryFormat(DateTimeOffset value, Span<char> destination, out int written)
    {
        if (!value.TryFormat(destination, out written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (value.Offset == TimeSpan.Zero)
        {
            if (written == destination.Length)
            {
                return false;
            }

            destination[written++] = 'Z';
            return true;
        }

        if (!value.TryFormat(destination[written..], out var offsetLength, "zzz", CultureInfo.InvariantCulture))
        {
            return false;
        }

        written += offsetLength;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
