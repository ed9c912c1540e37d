namespace CustomerEngine.Host.Security;

/// <summary>Who may use the engine (section <c>Security</c>). Secrets are stored as hashes only.</summary>
public sealed class EngineSecurityOptions
{
    /// <summary>People who sign in on the sign-in page.</summary>
    public List<ConfiguredUser> Users { get; set; } = [];

    /// <summary>Keys that machines send in the <c>X-Api-Key</c> header.</summary>
    public List<ConfiguredApiKey> ApiKeys { get; set; } = [];

    /// <summary>
    /// Adds the documented demo users and keys (password <c>demo</c>). On in Development, where
    /// <c>dotnet run</c> should just work; a production host refuses to start with it.
    /// </summary>
    public bool SeedDemoCredentials { get; set; }
}
