using CustomerEngine.Domain.Customers;
using CustomerEngine.Engagement.Actions;

namespace CustomerEngine.Engagement.Contact;

/// <summary>Whether a customer's consent records allow an action's contact.</summary>
public static class ConsentRules
{
    /// <summary>
    /// True when the latest applicable decision grants <paramref name="requirement"/>. For a purpose,
    /// both the records of that purpose and the channel-wide records (null purpose) apply, and the
    /// latest of them decides: a later withdrawal of the whole channel overrides an earlier grant for
    /// one purpose, and a later grant for one purpose reopens it after a channel-wide withdrawal.
    /// Without any applicable record there is no consent.
    /// </summary>
    public static bool IsGranted(IEnumerable<ConsentRecord> consent, ConsentRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(requirement);
        ConsentRecord? latest = null;
        foreach (var record in consent)
        {
            var applies = string.Equals(record.Channel, requirement.Channel, StringComparison.Ordinal)
                && (record.Purpose is null || (requirement.Purpose is not null && string.Equals(record.Purpose, requirement.Purpose, StringComparison.Ordinal)));
            if (applies && (latest is not { } kept || record.At > kept.At || (record.At == kept.At && !record.Granted)))
            {
                // On a tie the withdrawal wins: when in doubt, do not contact.
                latest = record;
            }
        }

        return latest is { Granted: true };
    }
}
