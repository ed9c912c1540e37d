using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.DataRights;

/// <summary>
/// The keyed digest (HMAC-SHA256 under <see cref="DataRightsOptions.ErasureKey"/>) of an erased
/// customer's id: it finds the erasure again for someone who knows the id, and tells nothing to
/// someone who holds only the database.
/// </summary>
public sealed class ErasureSubjectDigest(IOptions<DataRightsOptions> options)
{
    /// <summary>The shortest key accepted.</summary>
    public const int MinimumKeyLength = 32;

    private readonly byte[]? _key = options.Value.ErasureKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    /// <summary>Whether a key is configured, so digests are kept and lookups by id work.</summary>
    public bool IsEnabled => _key is not null;

    /// <summary>The digest of <paramref name="customerId"/> as lower-case hex, or null when no key is configured.</summary>
    public string? Of(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return _key is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(customerId)));
    }
}
