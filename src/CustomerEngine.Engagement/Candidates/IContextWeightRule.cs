namespace CustomerEngine.Engagement.Candidates;

/// <summary>
/// Weighs how much the moment favours a candidate (the customer is in the store, has a basket, is
/// slipping away…). Weights multiply: 1 is neutral, 2 doubles the priority, 0 rules the candidate
/// out of the ranking. Keep rules few and explainable; staff see the resulting factor.
/// </summary>
/// <remarks>Rules must be pure and fast. One that throws, or returns a negative or non-finite weight, is skipped and reported.</remarks>
public interface IContextWeightRule
{
    /// <summary>A stable name for logs and metrics.</summary>
    string Name { get; }

    /// <summary>The multiplicative weight of <paramref name="candidate"/> in <paramref name="context"/>.</summary>
    double Weigh(ActionCandidate candidate, EngagementContext context);
}
