using CustomerEngine.Engagement.Handlers;
using CustomerEngine.Samples.BirthdayWeek.Tests.Support;

namespace CustomerEngine.Samples.BirthdayWeek.Tests;

public sealed class BirthdayHandlerTests
{
    [Fact]
    public void A_registration_with_a_birthday_sets_the_month_and_day()
    {
        var context = new Customer().Registered("1990-11-24").HandlerContext();

        new BirthdayHandler().OnEventApplied(context);

        Assert.Equal([new AttributeChange("birthdayMonthDay", "11-24", "birthdayWeek.birthday")], context.AttributeChanges);
        Assert.Empty(context.DerivedEvents);
    }

    [Fact]
    public void A_registration_without_a_birthday_changes_nothing()
    {
        var context = new Customer().Registered(new Dictionary<string, string> { ["segmentNote"] = "retiree" }).HandlerContext();

        new BirthdayHandler().OnEventApplied(context);

        Assert.Empty(context.AttributeChanges);
    }

    [Fact]
    public void A_profile_update_with_a_bad_birthday_removes_the_old_one()
    {
        var customer = new Customer().Registered("11-24").Registered("not a date");

        var state = customer.State(new BirthdayHandler());

        Assert.False(state.Attributes.ContainsKey(BirthdayHandler.MonthDayAttribute));
        Assert.Equal("not a date", state.Attributes[BirthdayHandler.BirthdayAttribute]);
    }

    [Fact]
    public void Other_events_are_ignored()
    {
        var context = new Customer().Registered("11-24").Feedback(9).HandlerContext();

        new BirthdayHandler().OnEventApplied(context);

        Assert.Empty(context.AttributeChanges);
    }
}
