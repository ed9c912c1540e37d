namespace CustomerEngine.Samples.BirthdayWeek.Tests;

public sealed class BirthdayTests
{
    [Theory]
    [InlineData("11-24", "11-24")]
    [InlineData("1990-11-24", "11-24")]
    [InlineData(" 02-29 ", "02-29")]
    [InlineData("2000-02-29", "02-29")]
    public void A_birthday_is_kept_as_month_and_day(string given, string expected) =>
        Assert.Equal(expected, Birthday.ToMonthDay(given));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("24/11/1990")]
    [InlineData("13-01")]
    [InlineData("02-30")]
    [InlineData("1991-02-29")]
    [InlineData("next tuesday")]
    public void Anything_but_a_date_is_no_birthday(string? given) => Assert.Null(Birthday.ToMonthDay(given));

    [Theory]
    [InlineData("11-24", "2026-11-23", "2026-11-24", 1)]
    [InlineData("11-20", "2026-11-23", "2026-11-20", -3)]
    [InlineData("01-02", "2026-12-30", "2027-01-02", 3)]
    [InlineData("12-30", "2027-01-02", "2026-12-30", -3)]
    [InlineData("02-29", "2027-02-27", "2027-02-28", 1)]
    [InlineData("02-29", "2028-03-01", "2028-02-29", -1)]
    public void The_nearest_birthday_may_be_last_years_or_next_years(string monthDay, string today, string date, int days) =>
        Assert.Equal((DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), days), Birthday.Nearest(monthDay, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
