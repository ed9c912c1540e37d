using CustomerEngine.Domain.Customers;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Contact;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;

namespace CustomerEngine.Engagement.Tests.Contact;

public sealed class ConsentRulesTests
{
    private static readonly ConsentRequirement EmailMarketing = new("email", "marketing");

    [Fact]
    public void Without_a_record_there_is_no_consent()
    {
        Assert.False(ConsentRules.IsGranted([], EmailMarketing));
        Assert.False(ConsentRules.IsGranted([new ConsentRecord("sms", "marketing", true, T0)], EmailMarketing));
    }

    [Fact]
    public void A_channel_wide_grant_covers_every_purpose_but_a_purpose_grant_does_not_cover_the_channel()
    {
        Assert.True(ConsentRules.IsGranted([new ConsentRecord("email", null, true, T0)], EmailMarketing));
        Assert.False(ConsentRules.IsGranted([new ConsentRecord("email", "service", true, T0)], EmailMarketing));
        Assert.False(ConsentRules.IsGranted([new ConsentRecord("email", "marketing", true, T0)], new ConsentRequirement("email")));
    }

    [Fact]
    public void The_latest_applicable_decision_wins()
    {
        ConsentRecord[] withdrawnLater = [new("email", "marketing", true, T0), new("email", null, false, T0.AddDays(1))];
        ConsentRecord[] grantedLater = [new("email", null, false, T0), new("email", "marketing", true, T0.AddDays(1))];
        ConsentRecord[] sameMoment = [new("email", "marketing", true, T0), new("email", null, false, T0)];

        Assert.False(ConsentRules.IsGranted(withdrawnLater, EmailMarketing));
        Assert.True(ConsentRules.IsGranted(grantedLater, EmailMarketing));
        Assert.False(ConsentRules.IsGranted(sameMoment, EmailMarketing));
    }
}
