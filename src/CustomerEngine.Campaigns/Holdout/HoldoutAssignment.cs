using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CustomerEngine.Campaigns.Holdout;

/// <summary>
/// Assigns customers to a campaign's control group by hashing (campaign, customer): the same pair
/// always lands in the same group, on any machine and after any restart, with no state to keep,
/// and different campaigns split the base independently.
/// </summary>
public static class HoldoutAssignment
{
    private const double TwoToThe53 = 9007199254740992d;

    /// <summary>
    /// The customer's position for the campaign, uniform in [0, 100): the first 8 bytes of
    /// SHA-256(UTF-8 of campaign id, a unit separator, customer id), read as a fraction.
    /// </summary>
    public static double Position(string campaignId, string customerId)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(customerId);
        var length = Encoding.UTF8.GetByteCount(campaignId) + 1 + Encoding.UTF8.GetByteCount(customerId);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(campaignId, input);
        input[written] = 0x1F;
        Encoding.UTF8.GetBytes(customerId, input[(written + 1)..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var top53 = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11;
        return top53 / TwoToThe53 * 100d;
    }

    /// <summary>True when the customer is in the campaign's control group of <paramref name="holdoutPercent"/> percent.</summary>
    public static bool IsHoldout(string campaignId, string customerId, double holdoutPercent) =>
        holdoutPercent > 0 && Position(campaignId, customerId) < holdoutPercent;
}
