using System.Security.Claims;
using System.Text.Json;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Host.Problems;
using CustomerEngine.Host.Security;
using CustomerEngine.Storage.Customers;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Customers;

/// <summary>The customer 360 view and the customer list.</summary>
public static class CustomersEndpoints
{
    private const int MaxPageSize = 500;
    private static readonly string[] Stages = [.. ApiName.All<LifecycleStage>()];
    private static readonly string[] Tiers = [.. ApiName.All<ValueTier>()];
    private static readonly string[] Segments =
        [.. ApiName.All<PriceSensitivity>().Concat(ApiName.All<BrandLoyalty>()).Concat(ApiName.All<ChannelPreference>()).Distinct()];

    /// <summary>Maps <c>GET /api/customers/{id}</c> and <c>GET /api/customers</c>.</summary>
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/customers/{id}", GetCustomerAsync)
            .WithName("GetCustomer")
            .WithSummary("The live 360 view of one customer")
            .Produces<Customer360>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(EnginePolicies.FrontLine);
        app.MapGet("/api/customers", ListCustomersAsync)
            .WaitForAcknowledgedEvents()
            .WithName("ListCustomers")
            .WithSummary("A page of customer summaries, filtered by stage, tier, segment or store")
            .Produces<CustomerList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(EnginePolicies.FrontLine);
        return app;
    }

    private static async Task<IResult> GetCustomerAsync(string id, IGrainFactory grains, ClaimsPrincipal user, IOptions<JsonOptions> json)
    {
        var grain = grains.GetGrain<ICustomerGrain>(id);
        var view = await grain.GetViewAsync();
        if (view is null)
        {
            return ApiProblem.For(StatusCodes.Status404NotFound, "Unknown customer", "id", $"No events have been received for customer '{id}'.");
        }

        if (!user.SeesEverything() && !(await grain.GetSummaryAsync() is { } summary && user.CanSeeCustomer(summary.HomeStoreId, summary.LastStoreId)))
        {
            return StoreScope.Forbidden("id", $"Customer '{id}' is not homed at or visiting one of your stores.");
        }

        // The 360 view is the domain's; the current suggestions come from engagement and join it here.
        var body = JsonSerializer.SerializeToNode(view, json.Value.SerializerOptions)!.AsObject();
        body["suggestions"] = JsonSerializer.SerializeToNode(await grain.GetSuggestionsAsync(), json.Value.SerializerOptions);
        return TypedResults.Json(body, json.Value.SerializerOptions);
    }

    private static async Task<IResult> ListCustomersAsync(
        ICustomerIndex index, ClaimsPrincipal user, string? stage, string? tier, string? segment, string? storeId, int? page, int? pageSize)
    {
        if (!user.SeesEverything() && (storeId is null || !user.CanSeeStore(storeId)))
        {
            return StoreScope.Forbidden("storeId", "Staff list the customers of one of their own stores: pass storeId.");
        }

        if (Invalid(stage, "stage", Stages) is { } badStage)
        {
            return badStage;
        }

        if (Invalid(tier, "tier", Tiers) is { } badTier)
        {
            return badTier;
        }

        if (Invalid(segment, "segment", Segments) is { } badSegment)
        {
            return badSegment;
        }

        if (page is < 1)
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid query", "page", "page starts at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid query", "pageSize", $"pageSize must be from 1 to {MaxPageSize}.");
        }

        var query = new CustomerQuery(Canonical(stage, Stages), Canonical(tier, Tiers), Canonical(segment, Segments), storeId, page ?? 1, pageSize ?? 50);
        var result = await index.QueryAsync(query);
        return TypedResults.Ok(new CustomerList(query.Page, query.PageSize, result.Total, result.Items.Select(CustomerListItem.From).ToList()));
    }

    private static IResult? Invalid(string? value, string field, string[] allowed) =>
        value is null || Canonical(value, allowed) is not null
            ? null
            : ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid query", field, $"'{value}' is not a {field}; use one of {string.Join(", ", allowed)}.");

    private static string? Canonical(string? value, string[] allowed) =>
        value is null ? null : allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
}
