namespace CustomerEngine.Storage.Customers;

/// <summary>How many customers of one segment are in one NPS category.</summary>
/// <param name="SegmentKind">Which segmentation: <see cref="PriceSensitivity"/>, <see cref="Loyalty"/> or <see cref="Channel"/>.</param>
/// <param name="Segment">The segment's API name, e.g. <c>priceDriven</c>.</param>
/// <param name="NpsCategory"><c>promoter</c>, <c>passive</c> or <c>detractor</c>.</param>
/// <param name="Customers">How many customers.</param>
public sealed record SegmentNpsCount(string SegmentKind, string Segment, string NpsCategory, long Customers)
{
    /// <summary>The <see cref="CustomerIndexEntry.PriceSensitivity"/> segments.</summary>
    public const string PriceSensitivity = "priceSensitivity";

    /// <summary>The <see cref="CustomerIndexEntry.Loyalty"/> segments.</summary>
    public const string Loyalty = "loyalty";

    /// <summary>The <see cref="CustomerIndexEntry.ChannelPreference"/> segments (named <c>channel</c> as in the customer's <c>segments</c>).</summary>
    public const string Channel = "channel";
}
