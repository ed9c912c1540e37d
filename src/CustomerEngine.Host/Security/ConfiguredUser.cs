namespace CustomerEngine.Host.Security;

/// <summary>A person who may sign in.</summary>
public sealed class ConfiguredUser
{
    /// <summary>The sign-in name.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>The name shown in the pages; the user name when empty.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The password hash made by <c>dotnet run --project src/CustomerEngine.Host -- hash-secret PASSWORD</c>.</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>Any of <c>staff</c>, <c>manager</c>, <c>marketing</c>, <c>admin</c>.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The stores a <c>staff</c> member works in.</summary>
    public List<string> Stores { get; set; } = [];
}
