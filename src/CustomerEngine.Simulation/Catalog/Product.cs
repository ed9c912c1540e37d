namespace CustomerEngine.Simulation.Catalog;

/// <summary>A product the simulated shops sell.</summary>
/// <param name="Sku">Stock-keeping unit.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">Category, shared by the products of one price ladder.</param>
/// <param name="Brand">Brand.</param>
/// <param name="Price">Shelf price.</param>
public sealed record Product(string Sku, string Name, string Category, string Brand, decimal Price);
