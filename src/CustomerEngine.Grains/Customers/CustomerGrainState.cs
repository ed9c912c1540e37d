using CustomerEngine.Domain.Customers;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Suggestions;

namespace CustomerEngine.Grains.Customers;

/// <summary>The persisted snapshot of a customer grain: a cache of the fold over its event streams.</summary>
public sealed class CustomerGrainState
{
    private List<Suggestion> _suggestions = [];

    /// <summary>The folded customer; null until the first event.</summary>
    public CustomerState? Customer { get; set; }

    /// <summary>How many events the snapshot folded; compared with the log on activation to detect missed events.</summary>
    public long AppliedCount { get; set; }

    /// <summary>Anonymous streams this customer was granted by <see cref="ICustomerGrain.MergeIntoAsync"/>.</summary>
    public List<string> GrantedStreams { get; set; } = [];

    /// <summary>For an anonymous visitor: the customer its history was merged into.</summary>
    public string? MergedInto { get; set; }

    /// <summary>What was presented to this customer and what became of it, for the contact policy.</summary>
    public ContactHistory Contact { get; set; } = ContactHistory.Empty;

    /// <summary>The current suggestions, best first.</summary>
    public List<Suggestion> Suggestions
    {
        get => _suggestions;

        // Kept for as long as the customer is active, whether decided here or read back from
        // storage: their titles and reasons point at the texts every customer shares.
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            for (var i = 0; i < value.Count; i++)
            {
                value[i] = SuggestionTexts.Share(value[i]);
            }

            _suggestions = value;
        }
    }

    /// <summary>The catalog version <see cref="Suggestions"/> were made from; another version means they are recomputed.</summary>
    public int CatalogVersion { get; set; } = -1;
}
