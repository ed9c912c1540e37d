using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Events;

/// <summary>
/// Whether the customer is a consumer or an organisation; the kind decides which actions make
/// sense (personal offers versus account-style actions).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CustomerKind>))]
public enum CustomerKind
{
    /// <summary>A consumer buying for self or family.</summary>
    [JsonStringEnumMemberName("individual")]
    Individual,

    /// <summary>A company, public body, school or non-profit.</summary>
    [JsonStringEnumMemberName("organization")]
    Organization,
}
