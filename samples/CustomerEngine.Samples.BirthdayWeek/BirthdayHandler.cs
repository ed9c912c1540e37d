using CustomerEngine.Domain.Events;
using CustomerEngine.Engagement.Handlers;

namespace CustomerEngine.Samples.BirthdayWeek;

/// <summary>
/// Keeps the customer's birthday as a custom attribute: on every <c>customer.registered</c> that
/// carries a <c>birthday</c> attribute (<c>MM-DD</c> or <c>YYYY-MM-DD</c>), sets
/// <see cref="MonthDayAttribute"/> to its month and day, and removes it when the birthday given is
/// not a date. Only the month and day are kept: the provider needs no more, and the year of birth
/// is nobody's business.
/// </summary>
/// <remarks>
/// Runs inside the customer's grain after each event is applied, and again on every replay, so it
/// only looks at the event and asks through the context: no I/O, no clock, no state of its own.
/// </remarks>
public sealed class BirthdayHandler : IEngagementEventHandler
{
    /// <summary>The handler's name, in logs and metrics.</summary>
    public const string HandlerName = "birthdayWeek.birthday";

    /// <summary>The registration attribute the birthday is read from.</summary>
    public const string BirthdayAttribute = "birthday";

    /// <summary>The custom attribute the handler sets: the birthday as <c>MM-DD</c>.</summary>
    public const string MonthDayAttribute = "birthdayMonthDay";

    /// <inheritdoc />
    public string Name => HandlerName;

    /// <inheritdoc />
    public void OnEventApplied(EngagementEventContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Event.Data is CustomerRegistered registered
            && registered.Attributes.TryGetValue(BirthdayAttribute, out var birthday))
        {
            // A null value removes the attribute: a profile update with a bad date must not leave
            // the previous birthday behind.
            context.SetAttribute(MonthDayAttribute, Birthday.ToMonthDay(birthday));
        }
    }
}
