using System.Security.Claims;

namespace CustomerEngine.Host.Security;

/// <summary>The roles and claims a signed-in person or an API key carries.</summary>
public static class EngineClaims
{
    /// <summary>Role claims use the framework's role claim type, so <c>IsInRole</c> works.</summary>
    public const string RoleType = ClaimTypes.Role;

    /// <summary>One claim per store a <c>staff</c> member is bound to.</summary>
    public const string Store = "ce:store";

    /// <summary>Front-line staff, bound to one or more stores.</summary>
    public const string Staff = "staff";

    /// <summary>Sees the whole business.</summary>
    public const string Manager = "manager";

    /// <summary>Runs campaigns; sees the whole business.</summary>
    public const string Marketing = "marketing";

    /// <summary>May do everything.</summary>
    public const string Admin = "admin";

    /// <summary>A machine that posts events.</summary>
    public const string Ingest = "ingest";

    /// <summary>
    /// True when <paramref name="user"/> may see <paramref name="storeId"/>: managers, marketing
    /// and admins see every store, staff only the stores they are bound to.
    /// </summary>
    public static bool CanSeeStore(this ClaimsPrincipal user, string storeId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Admin) || user.IsInRole(Manager) || user.IsInRole(Marketing)
            || (user.IsInRole(Staff) && user.HasClaim(Store, storeId));
    }

    /// <summary>The stores a staff member is bound to (empty for other roles, who see all).</summary>
    public static IReadOnlyList<string> BoundStores(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. user.FindAll(Store).Select(c => c.Value)];
    }

    /// <summary>True for roles that see every store and customer.</summary>
    public static bool SeesEverything(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Admin) || user.IsInRole(Manager) || user.IsInRole(Marketing);
    }
}
