using System.Text.Json.Nodes;
using CustomerEngine.Domain.Views;
using CustomerEngine.Grains.DataRights;
using CustomerEngine.Grains.Presence;

namespace CustomerEngine.Host.DataRights;

/// <summary>Everything the engine holds about one customer, as <c>GET /api/customers/{id}/export</c> returns it.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ExportedAt">When it was read.</param>
/// <param name="Customer">The 360 view.</param>
/// <param name="Consent">The customer's consent decisions (also in the view).</param>
/// <param name="Streams">The event streams: the customer's id and the anonymous histories merged into it.</param>
/// <param name="Events">Every event of those streams in the log, in log order: the stored event exactly as posted, with its log <c>sequence</c>.</param>
/// <param name="Engagement">Suggestions shown and their outcomes.</param>
/// <param name="Campaigns">What campaigns remember of the customer.</param>
/// <param name="Presence">What stores' presence holds of the customer.</param>
public sealed record CustomerExportView(
    string CustomerId,
    DateTimeOffset ExportedAt,
    Customer360 Customer,
    IReadOnlyList<ConsentView> Consent,
    IReadOnlyList<string> Streams,
    IReadOnlyList<JsonObject> Events,
    EngagementExportView Engagement,
    IReadOnlyList<CampaignMembershipView> Campaigns,
    IReadOnlyList<CustomerPresenceRecord> Presence)
{
    /// <summary>The view of an export.</summary>
    public static CustomerExportView From(CustomerDataExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var held = export.Held;
        return new CustomerExportView(
            export.CustomerId,
            held.ReadAt,
            held.View,
            held.View.Consent,
            held.Streams,
            [.. held.Events.Select(stored =>
            {
                // The payload is the event in its wire form; the sequence says where the log holds it.
                var e = new JsonObject { ["sequence"] = stored.Sequence };
                foreach (var (name, value) in JsonNode.Parse(stored.Payload)!.AsObject())
                {
                    e[name] = value?.DeepClone();
                }

                return e;
            })],
            new EngagementExportView(held.Suggestions, held.Contact.Presentations),
            [.. export.Campaigns.Select(CampaignMembershipView.From)],
            export.Presence);
    }
}
