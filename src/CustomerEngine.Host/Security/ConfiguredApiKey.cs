namespace CustomerEngine.Host.Security;

/// <summary>A key a machine sends in the <c>X-Api-Key</c> header.</summary>
public sealed class ConfiguredApiKey
{
    /// <summary>Names the client in logs and audits; never the key itself.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The key's hash made by <c>hash-secret</c>.</summary>
    public string KeyHash { get; set; } = string.Empty;

    /// <summary><c>ingest</c> (may post events) or <c>admin</c> (may do everything).</summary>
    public string Role { get; set; } = string.Empty;
}
