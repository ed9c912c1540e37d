namespace CustomerEngine.Engagement.Candidates;

/// <summary>
/// A provider whose proposals can change without any event of the customer, such as live
/// campaigns that marketing activates or pauses. Its <see cref="Version"/> moves on every such
/// change, and a customer whose suggestions were decided under an older version has them decided
/// again when they are next read, rather than showing what the provider no longer proposes.
/// </summary>
public interface IVersionedCandidateProvider : ICandidateActionProvider
{
    /// <summary>Grows whenever what the provider proposes may have changed; never goes back.</summary>
    long Version { get; }
}
