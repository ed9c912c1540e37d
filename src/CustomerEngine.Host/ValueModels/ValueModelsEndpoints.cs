using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.ValueModelFitting;
using CustomerEngine.Host.Problems;
using CustomerEngine.Host.Security;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.ValueModels;

/// <summary>The value-model API: fit on demand, follow a fit, read the current fit, validate on a holdout period.</summary>
public static class ValueModelsEndpoints
{
    private const string Tag = "Value models";

    /// <summary>
    /// Maps <c>POST /api/models/clv/fit</c>, <c>GET /api/models/clv/fits/{id}</c>, <c>GET /api/models/clv</c> and
    /// <c>POST /api/models/clv/validate</c>, all for admins.
    /// </summary>
    public static IEndpointRouteBuilder MapValueModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/models/clv/fit", StartFitAsync)
            .WithName("StartClvFit")
            .WithTags(Tag)
            .WithSummary("Start fitting BG/NBD and Gamma-Gamma on the purchases up to asOf (default now)")
            .WithDescription("Body (optional): { asOf?, calibrationStart? }, each a date (midnight UTC) or an RFC 3339 time. 202 with the run; follow it at the Location. 409 while another fit runs.")
            .Produces<FitRunReport>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(EnginePolicies.Admin);
        app.MapGet("/api/models/clv/fits/{id}", GetFitRun)
            .WithName("GetClvFitRun")
            .WithTags(Tag)
            .WithSummary("A fit run: status, phase, progress 0..1, and its result or error")
            .Produces<FitRunReport>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(EnginePolicies.Admin);
        app.MapGet("/api/models/clv", GetCurrentAsync)
            .WithName("GetClvModel")
            .WithTags(Tag)
            .WithSummary("The current fit: parameters, log-likelihoods, customers used, asOf, duration")
            .Produces<ClvModelView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(EnginePolicies.Admin);
        app.MapPost("/api/models/clv/validate", ValidateAsync)
            .WithName("ValidateClvModel")
            .WithTags(Tag)
            .WithSummary("Fit BG/NBD up to calibrationEnd and compare its predictions with the repeat purchases up to holdoutEnd")
            .WithDescription("Body: { calibrationEnd, holdoutEnd }. The current fit is not changed.")
            .Produces<HoldoutValidationResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(EnginePolicies.Admin);
        return app;
    }

    private static async Task<IResult> StartFitAsync(HttpRequest request, ValueModelFitJob job, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, bad) = await ModelRequestBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return bad!;
        }

        var (asOf, badAsOf) = body.Instant("asOf");
        var (calibrationStart, badStart) = body.Instant("calibrationStart");
        if ((badAsOf ?? badStart) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var end = asOf ?? now;
        if (end > now)
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid fit", "asOf", $"asOf ({end:O}) is in the future; a fit can only use purchases that have happened.");
        }

        if (calibrationStart is { } start && UtcDate(start) >= UtcDate(end))
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid fit", "calibrationStart", $"calibrationStart ({start:O}) must be on a day before asOf ({end:O}).");
        }

        if (!job.TryStart(new FitRequest(end, calibrationStart), "request", out var run))
        {
            return ApiProblem.For(StatusCodes.Status409Conflict, "A fit is running", "fit", $"Fit {run.Id} is still running; follow it at /api/models/clv/fits/{run.Id} and start another when it has finished.");
        }

        return TypedResults.Accepted($"/api/models/clv/fits/{run.Id}", run.Report);
    }

    private static IResult GetFitRun(string id, ValueModelFitJob job) =>
        job.Find(id) is { } run
            ? TypedResults.Ok(run.Report)
            : ApiProblem.For(StatusCodes.Status404NotFound, "Unknown fit", "id", $"No fit '{id}' has run since the engine started.");

    private static async Task<IResult> GetCurrentAsync(IGrainFactory grains, IOptions<ValueModelOptions> options)
    {
        var fit = await grains.GetGrain<IValueModelGrain>(IValueModelGrain.Key).GetCurrentAsync();
        return fit is null
            ? ApiProblem.For(StatusCodes.Status404NotFound, "No fit yet", "model", "No value-model fit has succeeded yet; start one with POST /api/models/clv/fit.")
            : TypedResults.Ok(new ClvModelView(fit, options.Value.HorizonWeeks, options.Value.MonthlyDiscountRate));
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, ValueModelFitJob job, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, bad) = await ModelRequestBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return bad!;
        }

        var (calibrationEnd, badCalibration) = body.Instant("calibrationEnd");
        var (holdoutEnd, badHoldout) = body.Instant("holdoutEnd");
        if ((badCalibration ?? badHoldout) is { } invalid)
        {
            return invalid;
        }

        if (calibrationEnd is not { } calibration)
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid validation", "calibrationEnd", "calibrationEnd is required: the last day of the period the model is fitted on.");
        }

        if (holdoutEnd is not { } holdout)
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid validation", "holdoutEnd", "holdoutEnd is required: the last day of the period the predictions are checked against.");
        }

        if (UtcDate(holdout) <= UtcDate(calibration))
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid validation", "holdoutEnd", $"holdoutEnd ({holdout:O}) must be on a day after calibrationEnd ({calibration:O}).");
        }

        if (holdout > clock.GetUtcNow())
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Invalid validation", "holdoutEnd", $"holdoutEnd ({holdout:O}) is in the future; the holdout period must be over to compare with it.");
        }

        try
        {
            return TypedResults.Ok(await job.ValidateAsync(calibration, holdout, cancellationToken));
        }
        catch (FitFailedException ex)
        {
            return ApiProblem.For(StatusCodes.Status422UnprocessableEntity, "The model could not be fitted", "calibrationEnd", ex.Message);
        }
    }

    private static DateOnly UtcDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
