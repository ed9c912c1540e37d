namespace CustomerEngine.Domain.Segments;

/// <summary>The customer's behaviour segments; each is null until there is enough behaviour to judge.</summary>
public sealed record CustomerSegments(PriceSensitivity? PriceSensitivity, BrandLoyalty? Loyalty, ChannelPreference? Channel);
