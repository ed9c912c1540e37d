using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Security;

/// <summary>
/// Refuses to start a production engine that nobody could sign in to, or that would let anyone in
/// with the published demo credentials; in development, prints the demo credentials.
/// </summary>
internal sealed class SecurityStartupCheck(
    CredentialDirectory directory,
    IOptions<EngineSecurityOptions> options,
    IHostEnvironment environment,
    ILogger<SecurityStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var user in directory.Users)
        {
            Require(!string.IsNullOrWhiteSpace(user.UserName), "Security:Users has a user without a UserName.");
            Require(SecretHash.IsWellFormed(user.PasswordHash), $"User '{user.UserName}' has no valid PasswordHash (make one with: dotnet run --project src/CustomerEngine.Host -- hash-secret PASSWORD).");
            Require(user.Roles.Count > 0 && user.Roles.All(IsPersonRole), $"User '{user.UserName}' needs roles from staff, manager, marketing, admin.");
            Require(!user.Roles.Contains(EngineClaims.Staff) || user.Stores.Count > 0, $"Staff user '{user.UserName}' is bound to no store (Stores).");
        }

        foreach (var key in directory.Keys)
        {
            Require(SecretHash.IsWellFormed(key.KeyHash), $"API key '{key.Name}' has no valid KeyHash.");
            Require(key.Role is EngineClaims.Ingest or EngineClaims.Admin, $"API key '{key.Name}' needs the role ingest or admin.");
        }

        if (environment.IsDevelopment())
        {
            if (options.Value.SeedDemoCredentials)
            {
                logger.LogWarning(
                    "Development sign-in: users {Users} with password '{Password}'; API keys '{IngestKey}' (ingest) and '{AdminKey}' (admin).",
                    string.Join(", ", DemoCredentials.Users.Select(u => u.UserName)), DemoCredentials.Password, DemoCredentials.IngestKey, DemoCredentials.AdminKey);
            }

            return Task.CompletedTask;
        }

        Require(!options.Value.SeedDemoCredentials, "Security:SeedDemoCredentials is on outside Development: the demo credentials are public. Turn it off and configure Security:Users.");
        Require(directory.Users.Count > 0, "No user is configured (Security:Users): nobody could sign in. See README, 'Sign-in and roles'.");
        Require(
            !directory.Users.Any(u => DemoCredentials.IsDemoSecret(u.PasswordHash)) && !directory.Keys.Any(k => DemoCredentials.IsDemoSecret(k.KeyHash)),
            "A configured password or API key is one of the public demo credentials; choose another.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsPersonRole(string role) => role is EngineClaims.Staff or EngineClaims.Manager or EngineClaims.Marketing or EngineClaims.Admin;

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Refusing to start: {message}");
        }
    }
}
