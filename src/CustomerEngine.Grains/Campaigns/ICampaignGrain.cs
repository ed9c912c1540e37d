using CustomerEngine.Campaigns.Definitions;
using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// One campaign (key = its id): its durable, versioned and audited definition and status, and the
/// stored form of its results. Every change is put in force in <see cref="ActiveCampaigns"/> before
/// the call returns. Definitions must be validated by the caller.
/// </summary>
public interface ICampaignGrain : IGrain
{
    /// <summary>The campaign, or null when it does not exist.</summary>
    Task<CampaignRecord?> GetAsync();

    /// <summary>Creates the campaign as a draft; a conflict when the id is taken.</summary>
    Task<CampaignCommandResult> CreateAsync(CampaignDefinition definition, string by);

    /// <summary>Replaces the definition; refused for an ended campaign, and for a holdout change once it has been active.</summary>
    Task<CampaignCommandResult> EditAsync(CampaignDefinition definition, string by);

    /// <summary>Moves the campaign to <paramref name="status"/> if its current status allows.</summary>
    Task<CampaignCommandResult> ChangeStatusAsync(CampaignStatus status, string by);

    /// <summary>
    /// Reads the campaign again from the store and puts it in force on this node; called when
    /// another node sharing the store changed it (<see cref="CampaignChangeRelay"/>).
    /// </summary>
    Task RefreshAsync();

    /// <summary>This node's stored results, or null when none were ever saved.</summary>
    Task<CampaignResultsState?> GetResultsAsync();

    /// <summary>Stores this node's results, unless those stored were read later (a higher <see cref="CampaignResultsState.Changes"/>).</summary>
    Task SaveResultsAsync(CampaignResultsState results);

    /// <summary>
    /// The counts the other nodes sharing the store saved last, by node (an empty id for results
    /// saved before the store was shared); none on a store no other node can share.
    /// </summary>
    Task<IReadOnlyDictionary<string, CampaignTotals>> GetOtherResultsAsync();

    /// <summary>
    /// Makes the stored results of nodes that are gone this node's own (<see cref="LiveCampaign.Absorb"/>)
    /// and saves them, then returns those nodes' ids. A record is removed before it is absorbed, so
    /// two nodes taking over at once never both count it.
    /// </summary>
    Task<IReadOnlyList<string>> TakeOverResultsAsync();
}
