using CustomerEngine.Domain.Views;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// Compiles dotted paths into the customer 360 view as the API writes it (<c>lifecycle.stage</c>,
/// <c>value.rfm.r</c>, <c>segments.priceSensitivity</c>, <c>attributes.segment</c>,
/// <c>satisfaction.npsCategory</c>, <c>homeStoreId</c>…), plus <c>currentStoreId</c> and
/// <c>lastStoreId</c>. A path is checked against the view's type when the campaign is compiled, so
/// a typo is an error naming the field rather than an audience of nobody. Lists are looked into
/// (<c>recent.type</c> is every recent interaction's type); a condition holds when any value matches.
/// </summary>
internal static class AudienceFields
{
    public const string CurrentStoreId = "currentStoreId";
    public const string LastStoreId = "lastStoreId";

    /// <summary>A reader for <paramref name="path"/> and the type of its values, or an error message.</summary>
    public static (FieldReader<AudienceSubject>? Reader, Type? ValueType, string? Error) Compile(string path)
    {
        var id = FieldValueCache.IdOf("audience:" + path);
        switch (path)
        {
            case CurrentStoreId:
                return (new StoreFieldReader(id, static s => s.CurrentStoreId), typeof(string), null);
            case LastStoreId:
                return (new StoreFieldReader(id, static s => s.LastStoreId), typeof(string), null);
        }

        var (steps, type, error) = ObjectPaths.Compile(typeof(Customer360), path, "the customer view");
        return steps is null ? (null, null, error) : (new ViewFieldReader(id, steps), type, null);
    }

    private sealed class ViewFieldReader(int id, PathStep[] steps) : FieldReader<AudienceSubject>
    {
        public override FieldValue[] Values(AudienceSubject subject) =>
            subject.Values.Get(id, (subject.View, steps), static s => ObjectPaths.Collect(s.View, s.steps));
    }

    private sealed class StoreFieldReader(int id, Func<AudienceSubject, string?> read) : FieldReader<AudienceSubject>
    {
        public override FieldValue[] Values(AudienceSubject subject) =>
            subject.Values.Get(id, (subject, read), static s => s.read(s.subject) is { } store ? [FieldValue.OfText(store)] : []);
    }
}
