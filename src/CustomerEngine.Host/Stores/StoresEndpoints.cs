using System.Security.Claims;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Host.Security;

namespace CustomerEngine.Host.Stores;

/// <summary>Who is in a store right now.</summary>
public static class StoresEndpoints
{
    /// <summary>Maps <c>GET /api/stores/{storeId}/presence</c>.</summary>
    public static IEndpointRouteBuilder MapStoresApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stores/{storeId}/presence", GetPresenceAsync)
            .WaitForAcknowledgedEvents()
            .WithName("GetStorePresence")
            .WithSummary("Customers now in the store (entered, not left, seen within the time-out), with summaries")
            .Produces<StorePresenceView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(EnginePolicies.FrontLine);
        return app;
    }

    private static async Task<IResult> GetPresenceAsync(string storeId, IGrainFactory grains, CustomerSummaryReader summaries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.CanSeeStore(storeId))
        {
            return StoreScope.Forbidden("storeId", $"You are not bound to store '{storeId}'.");
        }

        var present = await grains.GetGrain<IStorePresenceGrain>(storeId).GetPresentAsync();
        var read = await summaries.ReadAsync([.. present.Select(p => p.CustomerId)], cancellationToken);
        var customers = present.Select(p => new PresentCustomerView(p.CustomerId, p.EnteredAt, p.LastSeenAt, read.GetValueOrDefault(p.CustomerId))).ToList();
        return TypedResults.Ok(new StorePresenceView(storeId, customers.Count, customers));
    }
}
