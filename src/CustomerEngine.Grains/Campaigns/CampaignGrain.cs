using System.Text.Json;
using CustomerEngine.Campaigns.Definitions;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// Keeps one campaign's definition, status and audit trail durable, and puts every change in
/// force in <see cref="ActiveCampaigns"/> before acknowledging it, and tells the other nodes sharing
/// the store to do the same. Its turns serialize the campaign's changes; the store's version check
/// guards against a second writer.
/// </summary>
/// <remarks>
/// Results are counted by every node that serves the campaign's customers, so on a shared store
/// each node saves its own (<c>results@{nodeId}</c>), and a gone node's are taken over by another.
/// </remarks>
public sealed class CampaignGrain(IGrainContext context, IPersistentStateFactory states, ActiveCampaigns campaigns, INodeNotifications nodes, NodePeers peers) : Grain, ICampaignGrain
{
    private const string ResultsName = "results";

    // Alone on its store a node keeps the name it always had, so an existing file reads back.
    private readonly NodeOwnedStates _nodeResults = new(states, context, nodes, ResultsName);
    private readonly IPersistentState<CampaignRecord> _record = states.Create<CampaignRecord>(context, "campaign");
    private readonly IPersistentState<CampaignResultsState> _results = states.Create<CampaignResultsState>(context, NodeOwnedName.ForThisNode(ResultsName, nodes));

    /// <inheritdoc />
    public Task<CampaignRecord?> GetAsync() => Task.FromResult(_record.RecordExists ? Copy(_record.State) : null);

    /// <inheritdoc />
    public async Task<CampaignCommandResult> CreateAsync(CampaignDefinition definition, string by)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_record.RecordExists)
        {
            return new CampaignCommandResult(CampaignCommandOutcome.Conflict, Copy(_record.State), "id", $"Campaign '{GrainKey}' already exists.");
        }

        var now = Clock.GetUtcNow();
        var record = new CampaignRecord
        {
            Id = GrainKey,
            Definition = definition,
            Status = CampaignStatus.Draft,
            Version = 1,
            CreatedAt = now,
            CreatedBy = by,
            UpdatedAt = now,
            UpdatedBy = by,
        };
        record.History.Add(new CampaignChange(1, now, by, "created", CampaignStatus.Draft, [], definition));
        _record.State = record;
        await _record.WriteStateAsync();
        await GrainFactory.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).AddAsync(GrainKey);
        await PutInForceAsync(record);
        return new CampaignCommandResult(CampaignCommandOutcome.Changed, Copy(record));
    }

    /// <inheritdoc />
    public async Task<CampaignCommandResult> EditAsync(CampaignDefinition definition, string by)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!_record.RecordExists)
        {
            return new CampaignCommandResult(CampaignCommandOutcome.NotFound, null);
        }

        var record = _record.State;
        if (!CampaignStatusRules.AllowsEdit(record.Status))
        {
            return new CampaignCommandResult(CampaignCommandOutcome.Conflict, Copy(record), "status", "An ended campaign can no longer be edited.");
        }

        // Customers' groups follow from the percentage; changing it once customers were assigned
        // would move some of them between groups and spoil the comparison.
        if (record.FirstActivatedAt is not null && (definition.HoldoutPercent ?? 0) != (record.Definition?.HoldoutPercent ?? 0))
        {
            return new CampaignCommandResult(CampaignCommandOutcome.Invalid, Copy(record), "holdoutPercent", "The holdout cannot change once the campaign has been active: customers' groups must never flip.");
        }

        var fields = ChangedFields(record.Definition, definition);
        if (fields.Count == 0)
        {
            return new CampaignCommandResult(CampaignCommandOutcome.Unchanged, Copy(record));
        }

        var now = Clock.GetUtcNow();
        record.Definition = definition;
        Touch(record, now, by, "edited", fields, definition);
        await _record.WriteStateAsync();
        await PutInForceAsync(record);
        return new CampaignCommandResult(CampaignCommandOutcome.Changed, Copy(record));
    }

    /// <inheritdoc />
    public async Task<CampaignCommandResult> ChangeStatusAsync(CampaignStatus status, string by)
    {
        if (!_record.RecordExists)
        {
            return new CampaignCommandResult(CampaignCommandOutcome.NotFound, null);
        }

        var record = _record.State;
        if (record.Status == status)
        {
            return new CampaignCommandResult(CampaignCommandOutcome.Unchanged, Copy(record));
        }

        if (!CampaignStatusRules.Allows(record.Status, status))
        {
            return new CampaignCommandResult(CampaignCommandOutcome.Conflict, Copy(record), "status", $"A campaign that is {Name(record.Status)} cannot be {Verb(status)}.");
        }

        var now = Clock.GetUtcNow();
        record.Status = status;
        if (status == CampaignStatus.Active)
        {
            record.FirstActivatedAt ??= now;
        }

        Touch(record, now, by, Verb(status), [], null);
        await _record.WriteStateAsync();

        // Returns once the change is in force (for a pause: once no decision under way can still present).
        await PutInForceAsync(record);
        return new CampaignCommandResult(CampaignCommandOutcome.Changed, Copy(record));
    }

    // Here before the caller is answered; on the other nodes sharing the store as soon as they hear.
    private async Task PutInForceAsync(CampaignRecord record)
    {
        await campaigns.ApplyAsync(record);
        nodes.Publish(CampaignChangeRelay.Topic, GrainKey);
    }

    /// <inheritdoc />
    public async Task RefreshAsync()
    {
        await _record.ReadStateAsync();
        if (_record.RecordExists)
        {
            await campaigns.ApplyAsync(_record.State);
        }
    }

    /// <inheritdoc />
    public Task<CampaignResultsState?> GetResultsAsync() => Task.FromResult(_results.RecordExists ? _results.State : null);

    /// <inheritdoc />
    public async Task SaveResultsAsync(CampaignResultsState results)
    {
        ArgumentNullException.ThrowIfNull(results);

        // Snapshots are read outside this grain's turns, so an older one (the periodic save) can
        // arrive after a newer one (an erasure's); it must not bring back what the newer one dropped.
        if (_results.RecordExists && results.Changes < _results.State.Changes)
        {
            return;
        }

        _results.State = results;
        await _results.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, CampaignTotals>> GetOtherResultsAsync() =>
        (await _nodeResults.ReadOthersAsync<CampaignResultsState>()).ToDictionary(
            pair => pair.Key, pair => new CampaignTotals(pair.Value.Treatment, pair.Value.Holdout, pair.Value.Series), StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> TakeOverResultsAsync()
    {
        if (campaigns.Find(GrainKey) is not { } live)
        {
            return [];
        }

        var taken = await _nodeResults.ClaimGoneAsync<CampaignResultsState>(peers);
        foreach (var results in taken.Values)
        {
            live.Absorb(results);
        }

        if (taken.Count > 0)
        {
            // At once: until this write the absorbed counts live only in this process.
            await SaveResultsAsync(live.Snapshot());
        }

        return [.. taken.Keys];
    }

    private static void Touch(CampaignRecord record, DateTimeOffset now, string by, string change, IReadOnlyList<string> fields, CampaignDefinition? definition)
    {
        record.Version++;
        record.UpdatedAt = now;
        record.UpdatedBy = by;
        record.History.Add(new CampaignChange(record.Version, now, by, change, record.Status, fields, definition));
    }

    private static List<string> ChangedFields(CampaignDefinition? before, CampaignDefinition after)
    {
        var old = before is null ? default : CampaignJson.Serialize(before);
        var changed = new List<string>();
        foreach (var property in CampaignJson.Serialize(after).EnumerateObject())
        {
            var previous = old.ValueKind == JsonValueKind.Object && old.TryGetProperty(property.Name, out var value) ? value.GetRawText() : "null";
            if (!string.Equals(previous, property.Value.GetRawText(), StringComparison.Ordinal))
            {
                changed.Add(property.Name);
            }
        }

        return changed;
    }

    // Callers get their own copy: the grain keeps changing its state in later turns.
    private static CampaignRecord Copy(CampaignRecord record) =>
        JsonSerializer.Deserialize<CampaignRecord>(JsonSerializer.SerializeToUtf8Bytes(record, CampaignJson.Options), CampaignJson.Options)!;

    private static string Verb(CampaignStatus status) => status switch
    {
        CampaignStatus.Active => "activated",
        CampaignStatus.Paused => "paused",
        CampaignStatus.Ended => "ended",
        _ => "made a draft",
    };

    private static string Name(CampaignStatus status) => status switch
    {
        CampaignStatus.Active => "active",
        CampaignStatus.Paused => "paused",
        CampaignStatus.Ended => "ended",
        _ => "a draft",
    };
}
