using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>The list of every campaign's id, in order of creation (one grain, key <see cref="Key"/>).</summary>
public interface ICampaignDirectoryGrain : IGrain
{
    /// <summary>The one key of this grain.</summary>
    const string Key = "engine";

    /// <summary>Every campaign id, oldest first.</summary>
    Task<IReadOnlyList<string>> ListAsync();

    /// <summary>Adds an id; adding one twice keeps one.</summary>
    Task AddAsync(string campaignId);

    /// <summary>Reads the list again from the store; called when another node sharing it may have added to it.</summary>
    Task RefreshAsync();
}
