namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// The built-in action kinds (DOMAIN.md §6), by their API names. A kind is an open string:
/// plug-ins may use kinds of their own, which the engine treats like any other non-sales kind
/// unless their actions say otherwise.
/// </summary>
public static class ActionKinds
{
    /// <summary>Apologise, fix, compensate, escalate: an open complaint or a recent detractor score.</summary>
    public const string ServiceRecovery = "serviceRecovery";

    /// <summary>Keep an at-risk customer.</summary>
    public const string Retention = "retention";

    /// <summary>Bring a churned customer back.</summary>
    public const string WinBack = "winBack";

    /// <summary>What goes with what the customer bought or holds in the basket.</summary>
    public const string CrossSell = "crossSell";

    /// <summary>The better version of what the customer has.</summary>
    public const string UpSell = "upSell";

    /// <summary>Ask a promoter to recommend the business.</summary>
    public const string Referral = "referral";

    /// <summary>Welcome and onboard a new customer.</summary>
    public const string Welcome = "welcome";

    /// <summary>Ask for feedback after a purchase.</summary>
    public const string FeedbackRequest = "feedbackRequest";

    /// <summary>Invite the customer into the loyalty programme.</summary>
    public const string LoyaltyEnrolment = "loyaltyEnrolment";

    /// <summary>The front-line person's own connection with the customer.</summary>
    public const string PersonalService = "personalService";

    /// <summary>An offer from one of marketing's live campaigns.</summary>
    public const string CampaignOffer = "campaignOffer";

    /// <summary>Every built-in kind.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } =
    [
        ServiceRecovery, Retention, WinBack, CrossSell, UpSell, Referral, Welcome, FeedbackRequest,
        LoyaltyEnrolment, PersonalService, CampaignOffer,
    ];

    /// <summary>
    /// Whether actions of <paramref name="kind"/> sell something unless they say otherwise: cross-sell,
    /// up-sell, campaign offers and referrals. Sales actions are withheld while service recovery applies,
    /// because an offer to a customer with an open complaint reads as not listening.
    /// </summary>
    public static bool IsSalesByDefault(string kind) =>
        kind is CrossSell or UpSell or CampaignOffer or Referral;
}
