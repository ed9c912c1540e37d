using System.Globalization;

namespace CustomerEngine.Domain.Tests.Support;

/// <summary>Readable timestamps for tests: <c>Time.At("2025-01-15")</c> is midnight UTC.</summary>
internal static class Time
{
    public static DateTimeOffset At(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
