using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerEngine.Host.Ingestion;

/// <summary>
/// Describes the body of <c>POST /api/events</c> in the OpenAPI document. The endpoint reads the
/// body itself (to enforce the size limit while reading and to answer every content type with
/// problem details), so the framework cannot infer it.
/// </summary>
public sealed class EventsRequestBodyDocumentation : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId == "PostEvents")
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "One event object, or an array of at most 1,000 event objects; at most 1 MiB. See docs/api.md for the fields of each event type.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Array } },
                },
            };
        }

        return Task.CompletedTask;
    }
}
