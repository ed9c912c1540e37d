namespace CustomerEngine.Host.Security;

/// <summary>
/// The fixed, documented credentials of a development engine, so that a newcomer can sign in
/// right after <c>dotnet run</c>. A production host refuses to start with any of them.
/// </summary>
public static class DemoCredentials
{
    /// <summary>Every demo user's password.</summary>
    public const string Password = "demo";

    /// <summary>The demo key with the <c>ingest</c> role.</summary>
    public const string IngestKey = "demo-ingest-key";

    /// <summary>The demo key with the <c>admin</c> role.</summary>
    public const string AdminKey = "demo-admin-key";

    /// <summary>The demo users: name, roles, stores.</summary>
    public static IReadOnlyList<(string UserName, string DisplayName, string[] Roles, string[] Stores)> Users { get; } =
    [
        ("staff-s1", "Sam (store S1)", [EngineClaims.Staff], ["S1"]),
        ("staff-s2", "Kim (store S2)", [EngineClaims.Staff], ["S2"]),
        ("manager", "Morgan (manager)", [EngineClaims.Manager], []),
        ("marketing", "Alex (marketing)", [EngineClaims.Marketing], []),
        ("admin", "Robin (admin)", [EngineClaims.Admin], []),
    ];

    /// <summary>The demo keys: name, key, role.</summary>
    public static IReadOnlyList<(string Name, string Key, string Role)> Keys { get; } =
    [
        ("demo-ingest", IngestKey, EngineClaims.Ingest),
        ("demo-admin", AdminKey, EngineClaims.Admin),
    ];

    /// <summary>True when <paramref name="secret"/> is one of the demo secrets under <paramref name="hash"/>.</summary>
    public static bool IsDemoSecret(string hash) =>
        SecretHash.Verify(Password, hash) || Keys.Any(k => SecretHash.Verify(k.Key, hash));
}
