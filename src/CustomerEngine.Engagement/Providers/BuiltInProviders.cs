using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;

namespace CustomerEngine.Engagement.Providers;

/// <summary>The built-in providers, one per built-in action kind.</summary>
public static class BuiltInProviders
{
    /// <summary>
    /// Every built-in provider, service recovery first. The recovery window is
    /// <paramref name="policy"/>'s, so the provider and the arbitrator agree on when recovery applies.
    /// </summary>
    public static IReadOnlyList<ICandidateActionProvider> Create(ContactPolicyOptions? policy = null, BuiltInProviderOptions? options = null)
    {
        policy ??= ContactPolicyOptions.Default;
        options ??= BuiltInProviderOptions.Default;
        return
        [
            new ServiceRecoveryProvider(policy.RecoveryWindow),
            new RetentionProvider(),
            new WinBackProvider(),
            new WelcomeProvider(),
            new FeedbackRequestProvider(options),
            new LoyaltyEnrolmentProvider(options),
            new ReferralProvider(),
            new PersonalServiceProvider(),
            new CrossSellProvider(options),
            new UpSellProvider(options),
            new CampaignOfferProvider(),
        ];
    }
}
