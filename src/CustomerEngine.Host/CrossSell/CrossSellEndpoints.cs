using System.Globalization;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Rules;
using CustomerEngine.Host.Problems;
using CustomerEngine.Host.Security;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.CrossSell;

/// <summary>What is bought together, from the engine-wide cross-sell model.</summary>
public static class CrossSellEndpoints
{
    /// <summary>Binds <see cref="CrossSellApiOptions"/> from the <c>CrossSell</c> section.</summary>
    public static IServiceCollection AddCrossSellApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CrossSellApiOptions>()
            .Bind(configuration.GetSection("CrossSell"))
            .Validate(o => o.DefaultAssociationLimit >= 1 && o.DefaultAssociationLimit <= o.MaxAssociationLimit, "CrossSell:DefaultAssociationLimit must be from 1 to MaxAssociationLimit.")
            .Validate(o => o.DefaultRuleLimit >= 1 && o.DefaultRuleLimit <= o.MaxRuleLimit, "CrossSell:DefaultRuleLimit must be from 1 to MaxRuleLimit.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Maps <c>GET /api/products/{sku}/associations</c> and <c>GET /api/cross-sell/rules</c>.</summary>
    public static IEndpointRouteBuilder MapCrossSellApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products/{sku}/associations", GetAssociations)
            .WithName("GetProductAssociations")
            .WithSummary("The SKUs bought with this one: rules {sku} → {other} at the default thresholds, by lift")
            .Produces<IReadOnlyList<ProductAssociation>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(EnginePolicies.FrontLine);
        app.MapGet("/api/cross-sell/rules", GetRules)
            .WithName("GetCrossSellRules")
            .WithSummary("Every pairwise rule at or above minSupport and minConfidence, by lift")
            .Produces<CrossSellRuleList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(EnginePolicies.FrontLine);
        return app;
    }

    private static IResult GetAssociations(string sku, string? limit, ICrossSellModelReader reader, IOptions<CrossSellApiOptions> options)
    {
        var settings = options.Value;
        if (InvalidLimit(limit, settings.DefaultAssociationLimit, settings.MaxAssociationLimit, out var count) is { } badLimit)
        {
            return badLimit;
        }

        var model = reader.Model;
        if (model.ItemBaskets(sku) == 0)
        {
            return ApiProblem.For(StatusCodes.Status404NotFound, "Unknown product", "sku", $"No purchase has included SKU '{sku}'.");
        }

        var associations = model.Associations(sku, count)
            .Select(r => new ProductAssociation(r.Consequent, r.Support, r.Confidence, r.Lift, r.Count))
            .ToList();
        return TypedResults.Ok(associations);
    }

    private static IResult GetRules(string? minSupport, string? minConfidence, string? limit, ICrossSellModelReader reader, IOptions<CrossSellApiOptions> options)
    {
        var settings = options.Value;
        var model = reader.Model;
        var defaults = model.Options.Thresholds;
        if (InvalidFraction(minSupport, "minSupport", defaults.MinSupport, out var support) is { } badSupport)
        {
            return badSupport;
        }

        if (InvalidFraction(minConfidence, "minConfidence", defaults.MinConfidence, out var confidence) is { } badConfidence)
        {
            return badConfidence;
        }

        if (InvalidLimit(limit, settings.DefaultRuleLimit, settings.MaxRuleLimit, out var count) is { } badLimit)
        {
            return badLimit;
        }

        var found = model.Rules(new AssociationThresholds(support, confidence), count);
        var rules = found.Rules.Select(r => new CrossSellRule(r.Antecedent, r.Consequent, r.Support, r.Confidence, r.Lift, r.Count)).ToList();
        return TypedResults.Ok(new CrossSellRuleList(found.Baskets, rules));
    }

    // Query values are bound as text and parsed here, so that a malformed one gets the same
    // problem+json naming its field as an out-of-range one. An empty value means "not given".
    private static IResult? InvalidLimit(string? text, int fallback, int max, out int limit)
    {
        limit = fallback;
        return string.IsNullOrWhiteSpace(text)
            || (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) && limit >= 1 && limit <= max)
            ? null
            : ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid query", "limit", $"limit must be a whole number from 1 to {max}; '{text}' is not.");
    }

    private static IResult? InvalidFraction(string? text, string field, double fallback, out double value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text)
            || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value is >= 0 and <= 1)
            ? null
            : ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid query", field, $"{field} must be a fraction from 0 to 1; '{text}' is not.");
    }
}
