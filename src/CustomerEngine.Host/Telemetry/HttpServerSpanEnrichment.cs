using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerEngine.Host.Telemetry;

/// <summary>
/// Names the framework's HTTP server span after the OpenTelemetry conventions (<c>POST /api/events</c>)
/// and tags it with the method, route template and status code. The instrumentation package that
/// would do this does not restore here; the framework's own tags are off, and stay off because they
/// include the path, which holds customer ids (<c>/api/customers/c-42</c>): the route template does not.
/// </summary>
public static class HttpServerSpanEnrichment
{
    /// <summary>Adds the enrichment; use it first, so that it sees the status code the exception handler sets.</summary>
    public static IApplicationBuilder UseHttpServerSpanEnrichment(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                if (context.Features.Get<IHttpActivityFeature>()?.Activity is { IsAllDataRequested: true } activity)
                {
                    Enrich(activity, context);
                }
            }
        });
    }

    private static void Enrich(Activity activity, HttpContext context)
    {
        var method = context.Request.Method;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var status = context.Response.StatusCode;
        activity.DisplayName = route is null ? method : $"{method} {route}";
        activity.SetTag("http.request.method", method);
        activity.SetTag("url.scheme", context.Request.Scheme);
        activity.SetTag("http.response.status_code", status);
        if (route is not null)
        {
            activity.SetTag("http.route", route);
        }

        if (status >= StatusCodes.Status500InternalServerError)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
