using System.Buffers.Text;
using System.Text;

namespace CustomerEngine.Engagement.Suggestions;

/// <summary>
/// Suggestion ids carry their customer, so an outcome posted with only the id (from the API or a
/// dashboard) reaches the right customer grain without a lookup table: <c>{random}.{base64url(customerId)}</c>.
/// </summary>
public static class SuggestionIds
{
    /// <summary>A new id for a suggestion made to <paramref name="customerId"/>; <paramref name="random"/> makes it unique.</summary>
    public static string Create(string customerId, Random random)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> nonce = stackalloc byte[6];
        random.NextBytes(nonce);
        return $"{Base64Url.EncodeToString(nonce)}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(customerId))}";
    }

    /// <summary>The customer a suggestion id was made for; false when the id is not one of ours.</summary>
    public static bool TryGetCustomer(string? suggestionId, out string customerId)
    {
        customerId = string.Empty;
        var dot = suggestionId?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || dot == suggestionId!.Length - 1)
        {
            return false;
        }

        try
        {
            customerId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(suggestionId.AsSpan(dot + 1)));
            return customerId.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
