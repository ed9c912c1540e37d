using CustomerEngine.CrossSell.Candidates;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes the <see cref="ActionKinds.UpSell"/> actions when a held item has a dearer price tier in
/// its category (<see cref="UpSellCandidates.For"/>). The reasons name the step and the prices.
/// Placeholders, from the first step-up: <c>{item}</c> (the held SKU), <c>{suggestion}</c> (the
/// dearer SKU), <c>{category}</c>.
/// </summary>
/// <param name="options">Up-sell settings; the defaults when null.</param>
public sealed class UpSellProvider(BuiltInProviderOptions? options = null) : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.upSell";

    private readonly BuiltInProviderOptions _options = options ?? BuiltInProviderOptions.Default;

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CrossSell is not { } model || (context.Basket.Count == 0 && context.RecentPurchases.Count == 0))
        {
            return [];
        }

        var suggestions = UpSellCandidates.For(model, context.Basket, context.RecentPurchases, _options.UpSell);
        if (suggestions.Count == 0)
        {
            return [];
        }

        var first = suggestions[0];
        var values = CandidateText.Common(context);
        values["item"] = first.InsteadOfSku;
        values["suggestion"] = first.Sku;
        values["category"] = first.Category;
        var details = CandidateText.Details(suggestions, _options.MaxItemReasons, static s => s.Reason);
        return CandidateText.Candidates(context, ActionKinds.UpSell, values, details, Name);
    }
}
