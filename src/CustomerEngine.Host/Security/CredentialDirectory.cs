using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Security;

/// <summary>
/// Checks sign-ins and API keys against the configured (hashed) credentials and turns them into
/// principals with roles and store claims.
/// </summary>
public sealed class CredentialDirectory
{
    private readonly IReadOnlyList<ConfiguredUser> _users;
    private readonly IReadOnlyList<ConfiguredApiKey> _keys;

    // A key is checked with the slow hash once; afterwards its SHA-256 finds the principal, so
    // ingestion at thousands of requests a second does not pay PBKDF2 per request. Only hashes of
    // keys that verified are kept, never the keys.
    private readonly ConcurrentDictionary<string, ClaimsPrincipal> _verifiedKeys = new(StringComparer.Ordinal);

    /// <summary>Takes the configured credentials, with the demo set added when asked for.</summary>
    public CredentialDirectory(IOptions<EngineSecurityOptions> options)
    {
        var settings = options.Value;
        var users = settings.Users.ToList();
        var keys = settings.ApiKeys.ToList();
        if (settings.SeedDemoCredentials)
        {
            // A low work factor: these secrets are public anyway, and seeding runs at every start.
            users.AddRange(DemoCredentials.Users.Select(u => new ConfiguredUser
            {
                UserName = u.UserName,
                DisplayName = u.DisplayName,
                PasswordHash = SecretHash.Create(DemoCredentials.Password, iterations: 1_000),
                Roles = [.. u.Roles],
                Stores = [.. u.Stores],
            }));
            keys.AddRange(DemoCredentials.Keys.Select(k => new ConfiguredApiKey { Name = k.Name, KeyHash = SecretHash.Create(k.Key, iterations: 1_000), Role = k.Role }));
        }

        _users = users;
        _keys = keys;
    }

    /// <summary>The users, for start-up checks.</summary>
    public IReadOnlyList<ConfiguredUser> Users => _users;

    /// <summary>The keys, for start-up checks.</summary>
    public IReadOnlyList<ConfiguredApiKey> Keys => _keys;

    /// <summary>The principal of a user whose password matches, or null.</summary>
    public ClaimsPrincipal? SignIn(string userName, string password, string authenticationType)
    {
        var user = _users.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));

        // An unknown name costs the same hash as a wrong password, so timing does not reveal names.
        var verified = SecretHash.Verify(password, user?.PasswordHash ?? UnknownUserHash.Value);
        if (user is null || !verified)
        {
            return null;
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.UserName),
            new(ClaimTypes.Name, user.DisplayName ?? user.UserName),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(EngineClaims.RoleType, r)));
        claims.AddRange(user.Stores.Select(s => new Claim(EngineClaims.Store, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, EngineClaims.RoleType));
    }

    /// <summary>The principal of a configured key, or null.</summary>
    public ClaimsPrincipal? Authenticate(string presentedKey, string authenticationType)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 512)
        {
            return null;
        }

        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey)));
        if (_verifiedKeys.TryGetValue(fingerprint, out var known))
        {
            return known;
        }

        foreach (var key in _keys)
        {
            if (SecretHash.Verify(presentedKey, key.KeyHash))
            {
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, $"key:{key.Name}"), new Claim(ClaimTypes.Name, key.Name), new Claim(EngineClaims.RoleType, key.Role)],
                    authenticationType, ClaimTypes.Name, EngineClaims.RoleType);
                return _verifiedKeys.GetOrAdd(fingerprint, new ClaimsPrincipal(identity));
            }
        }

        return null;
    }

    /// <summary>
    /// Makes a fresh random key with <paramref name="role"/> for an in-process client (the demo
    /// simulator) that must call the API like any other client. It lives only in memory.
    /// </summary>
    public string IssueKey(string name, string role)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, $"key:{name}"), new Claim(ClaimTypes.Name, name), new Claim(EngineClaims.RoleType, role)],
            ApiKeyAuthenticationHandler.SchemeName, ClaimTypes.Name, EngineClaims.RoleType);
        _verifiedKeys[Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))] = new ClaimsPrincipal(identity);
        return key;
    }

    private static readonly Lazy<string> UnknownUserHash = new(() => SecretHash.Create(Guid.NewGuid().ToString("N")));
}
