using System.Text.Json.Serialization;

namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// One action the engine can suggest, as data: marketing and plug-ins add actions without code.
/// </summary>
/// <param name="Id">Unique within the catalog; outcomes and learning are kept per id.</param>
/// <param name="Kind">One of <see cref="ActionKinds"/> or a plug-in's own kind; decides which provider proposes it.</param>
/// <param name="Title">What staff see as the headline; may hold the same placeholders as <paramref name="ReasonTemplate"/>.</param>
/// <param name="ReasonTemplate">
/// The first reason shown, with placeholders such as <c>{name}</c>, <c>{stage}</c>, <c>{tier}</c> and
/// <c>{days}</c> that providers fill (see <see cref="ReasonTemplate"/>).
/// </param>
/// <param name="Value">The business value if the action is accepted; greater than 0.</param>
public sealed record ActionDefinition(string Id, string Kind, string Title, string ReasonTemplate, double Value)
{
    /// <summary>The validity of a suggestion when the catalog does not give one.</summary>
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromHours(4);

    /// <summary>Who may be offered the action; <see cref="ActionEligibility.Any"/> by default.</summary>
    public ActionEligibility Eligibility { get; init; } = ActionEligibility.Any;

    /// <summary>A business lever marketing turns to favour or damp the action; greater than 0, 1 = neutral.</summary>
    public double Lever { get; init; } = 1.0;

    /// <summary>How long a suggestion of this action stays valid once presented; 4 hours by default.</summary>
    public TimeSpan Validity { get; init; } = DefaultValidity;

    /// <summary>
    /// Whether the action sells something, when the catalog says so explicitly; null leaves it to
    /// the kind (see <see cref="ActionKinds.IsSalesByDefault"/>).
    /// </summary>
    public bool? Sales { get; init; }

    /// <summary>Whether the action sells something and is therefore withheld during service recovery.</summary>
    [JsonIgnore]
    public bool IsSales => Sales ?? ActionKinds.IsSalesByDefault(Kind);
}
