using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Samples.BirthdayWeek;

/// <summary>
/// A birthday treat is best handed over in person: while the customer is in a store, the treat
/// weighs <see cref="InStoreWeight"/>; every other candidate, and the treat anywhere else, 1.
/// </summary>
public sealed class BirthdayInStoreWeightRule : IContextWeightRule
{
    /// <summary>The weight of the birthday treat while the customer is in a store.</summary>
    public const double InStoreWeight = 2.0;

    /// <inheritdoc />
    public string Name => "birthdayWeek.inStore";

    /// <inheritdoc />
    public double Weigh(ActionCandidate candidate, EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        return candidate.Action.Kind == BirthdayTreatProvider.ActionKind && context.PresentInStoreId is not null
            ? InStoreWeight
            : 1.0;
    }
}
