namespace CustomerEngine.Simulation.Shoppers;

/// <summary>One simulated customer.</summary>
/// <param name="CustomerId">The id events carry.</param>
/// <param name="Name">Registered name.</param>
/// <param name="Kind"><c>individual</c> or <c>organization</c>.</param>
/// <param name="HomeStoreId">The store they registered with and mostly visit.</param>
/// <param name="Profile">Their history's shape.</param>
/// <param name="FavouriteBrand">The brand a loyal shopper keeps buying.</param>
/// <param name="BargainHunter">Buys on discount and picks entry-level products.</param>
public sealed record Shopper(string CustomerId, string Name, string Kind, string HomeStoreId, ShopperProfile Profile, string FavouriteBrand, bool BargainHunter);
