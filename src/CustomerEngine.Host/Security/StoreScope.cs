using System.Security.Claims;
using CustomerEngine.Host.Problems;

namespace CustomerEngine.Host.Security;

/// <summary>Staff see their own stores' customers; everyone else sees all.</summary>
public static class StoreScope
{
    /// <summary>True when <paramref name="user"/> may see a customer homed at or last seen in these stores.</summary>
    public static bool CanSeeCustomer(this ClaimsPrincipal user, string? homeStoreId, string? lastStoreId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.SeesEverything()
            || (homeStoreId is not null && user.CanSeeStore(homeStoreId))
            || (lastStoreId is not null && user.CanSeeStore(lastStoreId));
    }

    /// <summary>The 403 problem for something outside the caller's stores.</summary>
    public static IResult Forbidden(string field, string detail) =>
        ApiProblem.For(StatusCodes.Status403Forbidden, "Outside your stores", field, detail);
}
