using System.Security.Claims;
using CustomerEngine.Grains.DataRights;
using CustomerEngine.Host.Problems;
using CustomerEngine.Host.Security;

namespace CustomerEngine.Host.DataRights;

/// <summary>Customers' data rights: export, erasure and the erasure audit trail. Admins only.</summary>
public static class DataRightsEndpoints
{
    private const int DefaultErasureLimit = 50;
    private const int MaxErasureLimit = 500;

    /// <summary>Maps <c>GET /api/customers/{id}/export</c>, <c>DELETE /api/customers/{id}</c> and <c>GET /api/erasures</c>.</summary>
    public static IEndpointRouteBuilder MapDataRightsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/customers/{id}/export", ExportAsync)
            .RequireAuthorization(EnginePolicies.Admin)
            .WithName("ExportCustomer")
            .WithSummary("Everything the engine holds about one customer: the 360 view, every event, engagement, campaigns, presence and consent")
            .Produces<CustomerExportView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapDelete("/api/customers/{id}", EraseAsync)
            .RequireAuthorization(EnginePolicies.Admin)
            .WithName("EraseCustomer")
            .WithSummary("Erases a customer: state, events and derived records; keeps an audit record without personal data")
            .Produces<ErasureView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/erasures", ListErasuresAsync)
            .RequireAuthorization(EnginePolicies.Admin)
            .WithName("ListErasures")
            .WithSummary("The audit records of erasures, newest first; customerId finds those of one customer")
            .Produces<IReadOnlyList<ErasureView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> ExportAsync(string id, CustomerDataRights rights) =>
        await rights.ExportAsync(id) is { } export
            ? TypedResults.Ok(CustomerExportView.From(export))
            : UnknownCustomer(id);

    private static async Task<IResult> EraseAsync(string id, CustomerDataRights rights, ClaimsPrincipal user)
    {
        var requestedBy = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";
        return await rights.EraseAsync(id, requestedBy) is { } record
            ? TypedResults.Ok(ErasureView.From(record))
            : UnknownCustomer(id);
    }

    private static async Task<IResult> ListErasuresAsync(CustomerDataRights rights, string? customerId, int? limit)
    {
        if (limit is < 1 or > MaxErasureLimit)
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid query", "limit", $"limit must be from 1 to {MaxErasureLimit}.");
        }

        if (customerId is not null && !rights.FindsErasuresByCustomerId)
        {
            return ApiProblem.For(
                StatusCodes.Status400BadRequest, "Erasures cannot be found by customer id", "customerId",
                "No DataRights:ErasureKey is configured, so erasures keep no digest of the customer id; list them without customerId.");
        }

        var records = await rights.ReadErasuresAsync(customerId, limit ?? DefaultErasureLimit);
        return TypedResults.Ok(records.Select(ErasureView.From).ToList());
    }

    private static IResult UnknownCustomer(string id) =>
        ApiProblem.For(StatusCodes.Status404NotFound, "Unknown customer", "id", $"No events are held for customer '{id}'.");
}
