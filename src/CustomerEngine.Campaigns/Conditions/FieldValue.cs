namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// One scalar found at a field path, normalised so the tests need not know where it came from:
/// enums as their API names, every number as a double, times as instants.
/// </summary>
internal readonly struct FieldValue
{
    private FieldValue(FieldValueKind kind, string? text, double number, bool flag, DateTimeOffset time)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Flag = flag;
        Time = time;
    }

    public FieldValueKind Kind { get; }

    public string? Text { get; }

    public double Number { get; }

    public bool Flag { get; }

    public DateTimeOffset Time { get; }

    public static FieldValue OfText(string text) => new(FieldValueKind.Text, text, 0, false, default);

    public static FieldValue? OfNullableText(string? text) => text is null ? null : OfText(text);

    public static FieldValue OfInt32(int number) => OfNumber(number);

    public static FieldValue OfInt64(long number) => OfNumber(number);

    public static FieldValue OfDecimal(decimal number) => OfNumber((double)number);

    public static FieldValue OfSingle(float number) => OfNumber(number);

    public static FieldValue OfInt16(short number) => OfNumber(number);

    public static FieldValue OfDateTime(DateTime time) => OfTime(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)));

    public static FieldValue OfNumber(double number) => new(FieldValueKind.Number, null, number, false, default);

    public static FieldValue OfFlag(bool flag) => new(FieldValueKind.Flag, null, 0, flag, default);

    public static FieldValue OfTime(DateTimeOffset time) => new(FieldValueKind.Time, null, 0, false, time);
}
