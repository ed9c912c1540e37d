using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Grains.Presence;

namespace CustomerEngine.Grains.DataRights;

/// <summary>Everything the engine holds about one customer (see <see cref="CustomerDataRights.ExportAsync"/>).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Held">What the customer's grain holds: the view, the engagement state and the event log entries.</param>
/// <param name="Campaigns">What the campaigns remember of the customer.</param>
/// <param name="Presence">What the stores' presence holds of the customer.</param>
public sealed record CustomerDataExport(
    string CustomerId,
    CustomerExport Held,
    IReadOnlyList<CampaignMembership> Campaigns,
    IReadOnlyList<CustomerPresenceRecord> Presence);
