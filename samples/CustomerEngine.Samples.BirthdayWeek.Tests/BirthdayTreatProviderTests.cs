using CustomerEngine.Domain.Events;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Learning;
using CustomerEngine.Samples.BirthdayWeek.Tests.Support;

namespace CustomerEngine.Samples.BirthdayWeek.Tests;

public sealed class BirthdayTreatProviderTests
{
    private readonly BirthdayTreatProvider _provider = new();

    [Theory]
    [InlineData("11-24", "Birthday on 24 Nov (in 1 day)")]
    [InlineData("11-23", "Birthday on 23 Nov (today)")]
    [InlineData("11-26", "Birthday on 26 Nov (in 3 days)")]
    [InlineData("1985-11-20", "Birthday on 20 Nov (3 days ago)")]
    [InlineData("11-22", "Birthday on 22 Nov (1 day ago)")]
    public void The_treat_is_offered_within_three_days_of_the_birthday_saying_when(string birthday, string reason)
    {
        var context = new Customer().Registered(birthday).Context();

        var candidate = Assert.Single(_provider.Propose(context));

        Assert.Equal(("birthday-week-treat", "birthdayTreat"), (candidate.Action.Id, candidate.Action.Kind));
        Assert.Equal("Wish Ada Lovelace a happy birthday and offer the birthday treat", candidate.Action.Title);
        Assert.Equal([reason], candidate.Reasons);
    }

    [Theory]
    [InlineData("11-27")]
    [InlineData("11-19")]
    [InlineData("05-01")]
    public void Outside_the_birthday_week_nothing_is_offered(string birthday) =>
        Assert.Empty(_provider.Propose(new Customer().Registered(birthday).Context()));

    [Fact]
    public void A_customer_without_a_birthday_is_offered_nothing() =>
        Assert.Empty(_provider.Propose(new Customer().Registered().Context()));

    [Fact]
    public void The_treat_needs_no_catalog_entry_and_marketing_may_override_it()
    {
        var own = Assert.Single(_provider.Propose(new Customer().Registered("11-24").Context(catalog: ActionCatalog.Empty)));
        var marketing = new ActionDefinition("birthday.cake", "birthdayTreat", "A cake for {name}", "{when}: {date}", 50);
        var overridden = Assert.Single(_provider.Propose(new Customer().Registered("11-24").Context(catalog: new ActionCatalog(7, [marketing]))));

        Assert.Equal(BirthdayTreatProvider.Treat.Id, own.Action.Id);
        Assert.Equal(("birthday.cake", "A cake for Ada Lovelace", "in 1 day: 24 Nov"), (overridden.Action.Id, overridden.Action.Title, overridden.Reasons[0]));
    }

    [Fact]
    public void The_treat_weighs_double_in_a_store_and_other_candidates_are_left_alone()
    {
        var rule = new BirthdayInStoreWeightRule();
        var treat = new ActionCandidate(BirthdayTreatProvider.Treat, ["birthday"]);
        var other = new ActionCandidate(ActionCatalog.LoadDefault().Actions[0], ["other"]);
        var customer = new Customer().Registered("11-24");

        Assert.Equal(2.0, rule.Weigh(treat, customer.Context(inStore: "S1")));
        Assert.Equal(1.0, rule.Weigh(treat, customer.Context()));
        Assert.Equal(1.0, rule.Weigh(other, customer.Context(inStore: "S1")));
    }

    [Fact]
    public void Arbitration_ranks_the_treat_with_the_in_store_weight_and_never_offers_it_to_an_organisation()
    {
        var arbitrator = Arbitrator.CreateDefault(extraProviders: [_provider], extraRules: [new BirthdayInStoreWeightRule()]);
        var flat = new PropensityModel(new BetaPosterior(50_000, 50_000));

        var person = arbitrator.Arbitrate(new Customer().Registered("11-24").Context(inStore: "S1"), flat, ContactHistory.Empty, new Random(1));
        var company = arbitrator.Arbitrate(new Customer().Registered("11-24", CustomerKind.Organization).Context(inStore: "S1"), flat, ContactHistory.Empty, new Random(1));

        var treat = Assert.Single(person.Suggestions, s => s.ActionId == "birthday-week-treat");
        Assert.Equal(["Birthday on 24 Nov (in 1 day)"], treat.Reasons);
        Assert.Equal(2.0, treat.Factors.ContextWeight);
        Assert.Empty(person.Failures);
        Assert.DoesNotContain(company.Suggestions, s => s.ActionId == "birthday-week-treat");
        Assert.Contains(company.Suppressed, s => s.Candidate.Action.Id == "birthday-week-treat" && s.Reason == SuppressionReason.Ineligible);
    }
}
