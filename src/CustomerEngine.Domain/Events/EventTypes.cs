namespace CustomerEngine.Domain.Events;

/// <summary>The wire names of the event types the engine understands.</summary>
public static class EventTypes
{
    /// <summary>A customer registered or updated their profile.</summary>
    public const string CustomerRegistered = "customer.registered";

    /// <summary>An anonymous visitor turned out to be a known customer.</summary>
    public const string CustomerIdentified = "customer.identified";

    /// <summary>The customer walked into a store.</summary>
    public const string StoreEntered = "store.entered";

    /// <summary>The customer walked out of a store.</summary>
    public const string StoreLeft = "store.left";

    /// <summary>The customer looked at a product.</summary>
    public const string ProductViewed = "product.viewed";

    /// <summary>The customer put a product in the basket.</summary>
    public const string CartAdded = "cart.added";

    /// <summary>The customer bought something.</summary>
    public const string Purchase = "purchase";

    /// <summary>The customer returned a product.</summary>
    public const string Return = "return";

    /// <summary>The customer gave an NPS or effort score, or a comment.</summary>
    public const string Feedback = "feedback";

    /// <summary>The customer complained.</summary>
    public const string ComplaintOpened = "complaint.opened";

    /// <summary>A complaint was resolved.</summary>
    public const string ComplaintResolved = "complaint.resolved";

    /// <summary>The customer granted or withdrew consent for a contact channel.</summary>
    public const string ConsentChanged = "consent.changed";

    /// <summary>Staff accepted or dismissed a suggestion made for the customer (recorded by the engine).</summary>
    public const string SuggestionOutcome = "suggestion.outcome";

    /// <summary>Every known type, in the order they are listed to producers.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CustomerRegistered, CustomerIdentified, StoreEntered, StoreLeft, ProductViewed, CartAdded,
        Purchase, Return, Feedback, ComplaintOpened, ComplaintResolved, ConsentChanged, SuggestionOutcome,
    ];

    /// <summary>True when <paramref name="type"/> is one of <see cref="All"/> (case-sensitive).</summary>
    public static bool IsKnown(string? type) => Canonical(type) is not null;

    // Returning the constant instead of the parsed string lets every stored event share one
    // string per type instead of holding its own copy.
    internal static string? Canonical(string? type) => type switch
    {
        CustomerRegistered => CustomerRegistered,
        CustomerIdentified => CustomerIdentified,
        StoreEntered => StoreEntered,
        StoreLeft => StoreLeft,
        ProductViewed => ProductViewed,
        CartAdded => CartAdded,
        Purchase => Purchase,
        Return => Return,
        Feedback => Feedback,
        ComplaintOpened => ComplaintOpened,
        ComplaintResolved => ComplaintResolved,
        ConsentChanged => ConsentChanged,
        SuggestionOutcome => SuggestionOutcome,
        _ => null,
    };
}
