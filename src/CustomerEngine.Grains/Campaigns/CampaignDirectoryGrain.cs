using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>Keeps the list of campaign ids durable; writes are version-checked like every grain state.</summary>
public sealed class CampaignDirectoryGrain(IGrainContext context, IPersistentStateFactory states) : Grain, ICampaignDirectoryGrain
{
    private readonly IPersistentState<CampaignDirectoryState> _state = states.Create<CampaignDirectoryState>(context, "directory");

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. _state.State.CampaignIds]);

    /// <inheritdoc />
    public async Task AddAsync(string campaignId)
    {
        if (!_state.State.CampaignIds.Contains(campaignId, StringComparer.Ordinal))
        {
            _state.State.CampaignIds.Add(campaignId);
            await _state.WriteStateAsync();
        }
    }
}
