namespace CustomerEngine.CrossSell.Candidates;

/// <summary>Where a customer's item was found, which is how a suggestion's reason refers to it.</summary>
internal enum HeldIn
{
    /// <summary>In the current basket.</summary>
    Basket,

    /// <summary>Among the recent purchases.</summary>
    RecentPurchases,
}
