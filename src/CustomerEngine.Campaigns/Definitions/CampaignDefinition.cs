using CustomerEngine.Campaigns.Conditions;

namespace CustomerEngine.Campaigns.Definitions;

/// <summary>
/// A campaign as marketing writes it: the wire contract of <c>/api/campaigns</c>. Fields may be
/// added to it; the existing ones are never renamed. Everything is optional here so that a
/// malformed definition can be read and then rejected field by field (see <see cref="Evaluation.CampaignCompiler"/>).
/// </summary>
public sealed record CampaignDefinition
{
    /// <summary>What marketing calls the campaign.</summary>
    public string? Name { get; init; }

    /// <summary>A longer note for marketing; never shown to customers.</summary>
    public string? Description { get; init; }

    /// <summary>What the front line offers.</summary>
    public CampaignOffer? Offer { get; init; }

    /// <summary>Who the campaign is for, as a condition over the customer 360 view; null means every customer.</summary>
    public Condition? Audience { get; init; }

    /// <summary>When the offer comes up: on an event, or standing while the customer is in the audience.</summary>
    public CampaignTrigger? Trigger { get; init; }

    /// <summary>When the campaign may reach customers; null means whenever it is active.</summary>
    public CampaignSchedule? Schedule { get; init; }

    /// <summary>Limits per customer and in total; null means none.</summary>
    public CampaignCaps? Caps { get; init; }

    /// <summary>The share of the audience (0 to under 100) kept out as a control group; null means 0.</summary>
    public double? HoldoutPercent { get; init; }

    /// <summary>The business lever in arbitration (greater than 0, 1 = neutral); null means 1.</summary>
    public double? Lever { get; init; }
}
