using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Runtime.Storage;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>Keeps the list of campaign ids durable; writes are version-checked like every grain state, and an add that meets another node's add is made again on top of it.</summary>
public sealed class CampaignDirectoryGrain(IGrainContext context, IPersistentStateFactory states) : Grain, ICampaignDirectoryGrain
{
    private readonly IPersistentState<CampaignDirectoryState> _state = states.Create<CampaignDirectoryState>(context, "directory");

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. _state.State.CampaignIds]);

    /// <inheritdoc />
    public async Task AddAsync(string campaignId)
    {
        try
        {
            await AddAndWriteAsync(campaignId);
        }
        catch (GrainStateConflictException)
        {
            // Another node added a campaign meanwhile: adding to its list instead loses nothing.
            await _state.ReadStateAsync();
            await AddAndWriteAsync(campaignId);
        }
    }

    /// <inheritdoc />
    public Task RefreshAsync() => _state.ReadStateAsync();

    private async Task AddAndWriteAsync(string campaignId)
    {
        if (!_state.State.CampaignIds.Contains(campaignId, StringComparer.Ordinal))
        {
            _state.State.CampaignIds.Add(campaignId);
            await _state.WriteStateAsync();
        }
    }
}
