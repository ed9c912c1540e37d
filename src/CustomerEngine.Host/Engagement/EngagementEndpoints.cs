using System.Security.Claims;
using System.Text;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Host.Problems;
using CustomerEngine.Host.Security;

namespace CustomerEngine.Host.Engagement;

/// <summary>Suggestions, their outcomes, the action catalog and what the engine has learned.</summary>
public static class EngagementEndpoints
{
    private const int MaxReasonLength = 500;
    private const int MaxCatalogBytes = 1_048_576;

    /// <summary>Maps the engagement API.</summary>
    public static IEndpointRouteBuilder MapEngagementApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/customers/{id}/suggestions", GetSuggestionsAsync)
            .RequireAuthorization(EnginePolicies.FrontLine)
            .WithName("GetSuggestions")
            .WithSummary("The customer's current suggestions, best first, with reasons and the four priority factors")
            .Produces<IReadOnlyList<Suggestion>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        OutcomeRoute(app.MapPost("/api/suggestions/{suggestionId}/outcome", PostOutcomeAsync))
            .WithName("RecordSuggestionOutcome")
            .WithSummary("Records that a suggestion was accepted or dismissed (idempotent); learning uses it");
        OutcomeRoute(app.MapPost("/api/customers/{id}/suggestions/{suggestionId}/outcome", PostCustomerOutcomeAsync))
            .WithName("RecordCustomerSuggestionOutcome")
            .WithSummary("As RecordSuggestionOutcome, under the customer's path, which a load balancer routes to the customer's node");
        app.MapGet("/api/actions", GetCatalog)
            .RequireAuthorization(EnginePolicies.FrontLine)
            .WithName("GetActionCatalog")
            .WithSummary("The action catalog in force");
        app.MapPut("/api/actions", PutCatalogAsync)
            .RequireAuthorization(EnginePolicies.Admin)
            .WithName("PutActionCatalog")
            .WithSummary("Replaces the action catalog; every customer's suggestions follow")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/api/actions/propensities", GetPropensities)
            .RequireAuthorization(EnginePolicies.Overview)
            .WithName("GetPropensities")
            .WithSummary("The learned acceptance propensities (Beta posteriors) per action and segment");
        return app;
    }

    private static RouteHandlerBuilder OutcomeRoute(RouteHandlerBuilder route) => route
        .RequireAuthorization(EnginePolicies.FrontLine)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> GetSuggestionsAsync(string id, IGrainFactory grains, ClaimsPrincipal user)
    {
        var grain = grains.GetGrain<ICustomerGrain>(id);
        var summary = await grain.GetSummaryAsync();
        if (summary is null)
        {
            return ApiProblem.For(StatusCodes.Status404NotFound, "Unknown customer", "id", $"No events have been received for customer '{id}'.");
        }

        return user.CanSeeCustomer(summary.HomeStoreId, summary.LastStoreId)
            ? TypedResults.Ok(await grain.GetSuggestionsAsync())
            : StoreScope.Forbidden("id", $"Customer '{id}' is not homed at or visiting one of your stores.");
    }

    private static Task<IResult> PostCustomerOutcomeAsync(
        string id, string suggestionId, OutcomeRequest? body, ISuggestionOutcomeRecorder recorder, CustomerSummaryReader summaries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        SuggestionIds.TryGetCustomer(suggestionId, out var customerId) && customerId == id
            ? PostOutcomeAsync(suggestionId, body, recorder, summaries, user, cancellationToken)
            : Task.FromResult(ApiProblem.For(StatusCodes.Status404NotFound, "Unknown suggestion", "suggestionId", $"'{suggestionId}' is not a suggestion for customer '{id}'."));

    private static async Task<IResult> PostOutcomeAsync(
        string suggestionId, OutcomeRequest? body, ISuggestionOutcomeRecorder recorder, CustomerSummaryReader summaries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body?.Outcome is not { } text)
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid outcome", "outcome", "outcome is required: accepted or dismissed.");
        }

        SuggestionOutcome? outcome = text switch
        {
            "accepted" => SuggestionOutcome.Accepted,
            "dismissed" => SuggestionOutcome.Dismissed,
            _ => null,
        };
        if (outcome is null)
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid outcome", "outcome", $"'{text}' is not an outcome; use accepted or dismissed.");
        }

        if (body.Reason is { Length: > MaxReasonLength })
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid outcome", "reason", $"reason is at most {MaxReasonLength} characters.");
        }

        // As for reading the suggestions: staff decide only for their stores' customers, and get the
        // same answer whether or not the customer exists.
        if (!user.SeesEverything()
            && !(SuggestionIds.TryGetCustomer(suggestionId, out var customerId)
                && await summaries.ReadAsync(customerId, cancellationToken) is { } summary
                && user.CanSeeCustomer(summary.HomeStoreId, summary.LastStoreId)))
        {
            return StoreScope.Forbidden("suggestionId", $"'{suggestionId}' is not a suggestion for a customer homed at or visiting one of your stores.");
        }

        var result = await recorder.RecordAsync(suggestionId, outcome.Value, body.Reason, user.Identity?.Name, cancellationToken);
        return result == OutcomeRecordResult.NotFound
            ? ApiProblem.For(StatusCodes.Status404NotFound, "Unknown suggestion", "suggestionId", $"'{suggestionId}' is not a suggestion that can take this outcome (unknown, or already given another outcome).")
            : TypedResults.Ok(new { suggestionId, outcome = text, status = result == OutcomeRecordResult.Recorded ? "recorded" : "alreadyRecorded" });
    }

    private static IResult GetCatalog(ActionCatalogHolder catalog) =>
        Results.Content(ActionCatalogJson.Serialize(catalog.Current), "application/json", Encoding.UTF8);

    private static async Task<IResult> PutCatalogAsync(HttpRequest request, ActionCatalogHolder catalog, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxCatalogBytes)
        {
            return ApiProblem.For(StatusCodes.Status413PayloadTooLarge, "Catalog too large", "body", $"A catalog is at most {MaxCatalogBytes} bytes.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var parsed = ActionCatalogJson.Parse(json);
        if (parsed.Catalog is not { } candidate)
        {
            var first = parsed.Errors.FirstOrDefault();
            var problem = TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid action catalog",
                detail: string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")),
                extensions: new Dictionary<string, object?>
                {
                    ["field"] = first?.Field ?? "body",
                    ["errors"] = parsed.Errors.Select(e => new { field = e.Field, error = e.Message }).ToList(),
                });
            return problem;
        }

        var inForce = catalog.Replace(candidate);
        await grains.GetGrain<IEngagementStateGrain>(IEngagementStateGrain.Key).SaveCatalogAsync(ActionCatalogJson.Serialize(inForce));
        return Results.Content(ActionCatalogJson.Serialize(inForce), "application/json", Encoding.UTF8);
    }

    private static IResult GetPropensities(SuggestionEngine engine) => TypedResults.Ok(engine.Propensity.Estimates());
}
