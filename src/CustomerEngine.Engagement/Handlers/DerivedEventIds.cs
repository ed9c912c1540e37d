using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerEngine.Engagement.Handlers;

/// <summary>
/// The ids of derived events: <c>{sourceEventId}/{handlerName}/{index}</c>, where index counts the
/// handler's emits for that source event from 0. When that would exceed the longest event id the
/// engine accepts, it is replaced by <c>derived-</c> and the base64url SHA-256 of the same text:
/// still deterministic, no longer readable.
/// </summary>
public static class DerivedEventIds
{
    /// <summary>The longest id produced, the engine's default limit on event ids.</summary>
    public const int MaxLength = 128;

    /// <summary>The id of the <paramref name="index"/>-th event <paramref name="handlerName"/> emitted for <paramref name="sourceEventId"/>.</summary>
    public static string For(string sourceEventId, string handlerName, int index)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceEventId);
        ArgumentException.ThrowIfNullOrEmpty(handlerName);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var readable = $"{sourceEventId}/{handlerName}/{index.ToString(CultureInfo.InvariantCulture)}";
        return readable.Length <= MaxLength
            ? readable
            : "derived-" + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(readable)));
    }
}
