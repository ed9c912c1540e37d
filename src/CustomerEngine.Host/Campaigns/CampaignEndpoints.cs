using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Campaigns.Definitions;
using CustomerEngine.Campaigns.Evaluation;
using CustomerEngine.Campaigns.Results;
using CustomerEngine.Campaigns.Validation;
using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Host.Problems;
using CustomerEngine.Host.Security;

namespace CustomerEngine.Host.Campaigns;

/// <summary>
/// Campaigns under <c>/api/campaigns</c>, for marketing and admins: create, edit, activate, pause,
/// end, read results, estimate an audience. A campaign's JSON is its definition (the wire
/// contract) with <c>id</c>, <c>status</c>, <c>version</c> and audit fields added.
/// </summary>
public static class CampaignEndpoints
{
    private const int MaxBodyBytes = 262_144;

    /// <summary>Adds the audience estimator and the live results push; options bind from <c>Campaigns</c>.</summary>
    /// <remarks>Register after the store: hosted services stop in reverse, so the push stops before the store closes.</remarks>
    public static IServiceCollection AddCampaignsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CampaignApiOptions>(configuration.GetSection("Campaigns"));
        services.AddSingleton<AudienceEstimator>();
        services.AddHostedService<CampaignResultsBroadcaster>();
        return services;
    }

    /// <summary>Maps the campaign API.</summary>
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/campaigns").WithTags("Campaigns");
        campaigns.MapGet("", ListAsync)
            .RequireAuthorization(EnginePolicies.Marketing)
            .WithName("ListCampaigns")
            .WithSummary("Every campaign with its status and headline numbers, newest first")
            .Produces<JsonArray>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        campaigns.MapPost("", CreateAsync)
            .RequireAuthorization(EnginePolicies.Marketing)
            .WithName("CreateCampaign")
            .WithSummary("Creates a draft campaign and returns it with its id")
            .Produces<JsonObject>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        campaigns.MapGet("/{id}", GetAsync)
            .RequireAuthorization(EnginePolicies.Marketing)
            .WithName("GetCampaign")
            .WithSummary("One campaign with its audit trail")
            .Produces<JsonObject>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPut("/{id}", EditAsync)
            .RequireAuthorization(EnginePolicies.Marketing)
            .WithName("EditCampaign")
            .WithSummary("Replaces a campaign's definition; an active campaign follows within a second")
            .Produces<JsonObject>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapStatusChange(campaigns, "activate", CampaignStatus.Active, "ActivateCampaign", "Starts (or resumes) a campaign; it reaches customers from the next decision on");
        MapStatusChange(campaigns, "pause", CampaignStatus.Paused, "PauseCampaign", "Pauses a campaign: once this answers, nothing more is presented");
        MapStatusChange(campaigns, "end", CampaignStatus.Ended, "EndCampaign", "Ends a campaign for good; its results stay readable");
        campaigns.MapGet("/{id}/results", GetResults)
            .WaitForAcknowledgedEvents()
            .RequireAuthorization(EnginePolicies.Marketing)
            .WithName("GetCampaignResults")
            .WithSummary("Treatment and holdout counts, conversion rates, uplift with a 95% interval, and a time series")
            .Produces<CampaignResults>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPost("/audience-estimate", EstimateAsync)
            .RequireAuthorization(EnginePolicies.Marketing)
            .WithName("EstimateCampaignAudience")
            .WithSummary("Estimates how many customers an audience condition matches, over a sample of live customer views")
            .Produces<AudienceEstimate>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static void MapStatusChange(RouteGroupBuilder campaigns, string verb, CampaignStatus status, string name, string summary) =>
        campaigns.MapPost($"/{{id}}/{verb}", (string id, IGrainFactory grains, ActiveCampaigns live, ActionCatalogHolder catalog, TimeProvider clock, ClaimsPrincipal user) =>
                ChangeStatusAsync(id, status, grains, live, catalog, clock, user))
            .RequireAuthorization(EnginePolicies.Marketing)
            .WithName(name)
            .WithSummary(summary)
            .Produces<JsonObject>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> ListAsync(IGrainFactory grains, ActiveCampaigns live)
    {
        var ids = await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync();
        var records = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICampaignGrain>(id).GetAsync()));
        var list = new JsonArray();
        foreach (var record in records.Where(r => r is not null).OrderByDescending(r => r!.CreatedAt))
        {
            list.Add(View(record!, live.Find(record!.Id!), withHistory: false));
        }

        return Results.Json(list);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IGrainFactory grains, ActiveCampaigns live, ActionCatalogHolder catalog, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = "cmp-" + Guid.NewGuid().ToString("N")[..12];
        var (definition, problem) = await ReadDefinitionAsync(request, id, live, catalog, cancellationToken);
        if (definition is null)
        {
            return problem!;
        }

        var result = await grains.GetGrain<ICampaignGrain>(id).CreateAsync(definition, By(user));
        return result.Outcome == CampaignCommandOutcome.Changed
            ? new LocatedResult(Results.Json(View(result.Record!, live.Find(id), withHistory: true), statusCode: StatusCodes.Status201Created), $"/api/campaigns/{id}")
            : Refused(result, id);
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains, ActiveCampaigns live) =>
        await grains.GetGrain<ICampaignGrain>(id).GetAsync() is { } record
            ? Results.Json(View(record, live.Find(id), withHistory: true))
            : NotFound(id);

    private static async Task<IResult> EditAsync(string id, HttpRequest request, IGrainFactory grains, ActiveCampaigns live, ActionCatalogHolder catalog, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<ICampaignGrain>(id);
        if (await grain.GetAsync() is null)
        {
            return NotFound(id);
        }

        var (definition, problem) = await ReadDefinitionAsync(request, id, live, catalog, cancellationToken);
        if (definition is null)
        {
            return problem!;
        }

        var result = await grain.EditAsync(definition, By(user));
        return result.Outcome is CampaignCommandOutcome.Changed or CampaignCommandOutcome.Unchanged
            ? Results.Json(View(result.Record!, live.Find(id), withHistory: true))
            : Refused(result, id);
    }

    private static async Task<IResult> ChangeStatusAsync(
        string id, CampaignStatus status, IGrainFactory grains, ActiveCampaigns live, ActionCatalogHolder catalog, TimeProvider clock, ClaimsPrincipal user)
    {
        var grain = grains.GetGrain<ICampaignGrain>(id);
        if (await grain.GetAsync() is not { } record)
        {
            return NotFound(id);
        }

        if (status == CampaignStatus.Active)
        {
            // The catalog may have changed since the campaign was written: an offer of an action
            // that no longer exists would reach nobody, silently.
            var compilation = live.Compile(id, record.Definition, actionId => catalog.Current.Find(actionId) is not null);
            if (compilation.Errors.Count > 0)
            {
                return Invalid(compilation.Errors, "Campaign cannot be activated");
            }
        }

        var result = await grain.ChangeStatusAsync(status, By(user));
        return result.Outcome is CampaignCommandOutcome.Changed or CampaignCommandOutcome.Unchanged
            ? Results.Json(View(result.Record!, live.Find(id), withHistory: true, acknowledgedAt: clock.GetUtcNow()))
            : Refused(result, id);
    }

    private static IResult GetResults(string id, ActiveCampaigns live, TimeProvider clock) =>
        live.Find(id) is { } campaign ? TypedResults.Ok(campaign.Results(clock.GetUtcNow())) : NotFound(id);

    private static async Task<IResult> EstimateAsync(HttpRequest request, AudienceEstimator estimator, CancellationToken cancellationToken)
    {
        var (json, problem) = await ReadBodyAsync(request, cancellationToken);
        if (json is null)
        {
            return problem!;
        }

        AudienceEstimateRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<AudienceEstimateRequest>(json, CampaignJson.Options);
        }
        catch (JsonException e)
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid audience", FieldOf(e.Path), "The value is malformed or of the wrong type.");
        }

        var (matches, errors) = CampaignCompiler.CompileAudience(body?.Audience);
        return matches is null ? Invalid(errors, "Invalid audience") : TypedResults.Ok(await estimator.EstimateAsync(matches, cancellationToken));
    }

    private static async Task<(CampaignDefinition? Definition, IResult? Problem)> ReadDefinitionAsync(
        HttpRequest request, string id, ActiveCampaigns live, ActionCatalogHolder catalog, CancellationToken cancellationToken)
    {
        var (json, problem) = await ReadBodyAsync(request, cancellationToken);
        if (json is null)
        {
            return (null, problem);
        }

        var (definition, error) = CampaignJson.Parse(json);
        if (error is not null)
        {
            return (null, Invalid([error], "Invalid campaign"));
        }

        var compilation = live.Compile(id, definition, actionId => catalog.Current.Find(actionId) is not null);
        return compilation.Errors.Count > 0 ? (null, Invalid(compilation.Errors, "Invalid campaign")) : (definition, null);
    }

    private static async Task<(string? Json, IResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblem.For(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "body", "Send the body as application/json."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, ApiProblem.For(StatusCodes.Status413PayloadTooLarge, "Body too large", "body", $"A campaign is at most {MaxBodyBytes} bytes."));
        }

        // Read with a bound, so a chunked body without a length cannot exceed it either.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += count;
        }

        return read > MaxBodyBytes
            ? (null, ApiProblem.For(StatusCodes.Status413PayloadTooLarge, "Body too large", "body", $"A campaign is at most {MaxBodyBytes} bytes."))
            : (new string(buffer, 0, read), null);
    }

    private static JsonObject View(CampaignRecord record, LiveCampaign? live, bool withHistory, DateTimeOffset? acknowledgedAt = null)
    {
        var view = new JsonObject
        {
            ["id"] = record.Id,
            ["status"] = JsonSerializer.SerializeToNode(record.Status),
            ["version"] = record.Version,
            ["createdAt"] = record.CreatedAt,
            ["createdBy"] = record.CreatedBy,
            ["updatedAt"] = record.UpdatedAt,
            ["updatedBy"] = record.UpdatedBy,
            ["firstActivatedAt"] = record.FirstActivatedAt,
        };
        if (acknowledgedAt is { } at)
        {
            view["acknowledgedAt"] = at;
        }

        if (record.Definition is { } definition)
        {
            foreach (var (name, value) in JsonSerializer.SerializeToNode(definition, CampaignJson.Options)!.AsObject())
            {
                view[name] = value?.DeepClone();
            }
        }

        if (live is not null)
        {
            var treatment = live.Treatment.Read();
            var holdout = live.Holdout.Read();
            view["headline"] = JsonSerializer.SerializeToNode(new
            {
                eligible = treatment.Eligible + holdout.Eligible,
                presented = treatment.Presented,
                accepted = treatment.Accepted,
                conversions = treatment.Conversions,
                holdoutPresented = holdout.Presented,
                conversionRate = UpliftEstimator.Rates(treatment, holdout),
                uplift = UpliftEstimator.Estimate(treatment, holdout),
            }, CampaignJson.Options);
        }

        if (withHistory)
        {
            view["history"] = JsonSerializer.SerializeToNode(record.History, CampaignJson.Options);
        }

        return view;
    }

    private static IResult Refused(CampaignCommandResult result, string id) => result.Outcome switch
    {
        CampaignCommandOutcome.NotFound => NotFound(id),
        CampaignCommandOutcome.Invalid => ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid change", result.Field ?? "body", result.Detail ?? "The change is not allowed."),
        _ => ApiProblem.For(StatusCodes.Status409Conflict, "Not allowed now", result.Field ?? "status", result.Detail ?? "The campaign's status does not allow this."),
    };

    private static IResult NotFound(string id) =>
        ApiProblem.For(StatusCodes.Status404NotFound, "Unknown campaign", "id", $"There is no campaign '{id}'.");

    private static IResult Invalid(IReadOnlyList<CampaignValidationError> errors, string title) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            extensions: new Dictionary<string, object?>
            {
                ["field"] = errors.FirstOrDefault()?.Field ?? "body",
                ["errors"] = errors.Select(e => new { field = e.Field, error = e.Message }).ToList(),
            });

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    // The stable sign-in name (or key:{name}) rather than the display name, which can change.
    private static string By(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";

    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
