using System.Text.Json;
using CustomerEngine.Host.Problems;

namespace CustomerEngine.Host.ValueModels;

/// <summary>
/// The JSON object body of a model request, read by hand so that every error names the field at fault (the
/// framework's binder answers a bad date with a bare 400).
/// </summary>
internal sealed class ModelRequestBody
{
    private const int MaxBodyBytes = 16 * 1024;
    private readonly Dictionary<string, JsonElement> _fields;

    private ModelRequestBody(Dictionary<string, JsonElement> fields) => _fields = fields;

    /// <summary>Reads the body; an empty body is an empty object. Returns a problem for anything but a small JSON object.</summary>
    public static async Task<(ModelRequestBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, ApiProblem.For(StatusCodes.Status413PayloadTooLarge, "Request too large", "body", $"A model request body may be at most {MaxBodyBytes} bytes."));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes)
        {
            return (null, ApiProblem.For(StatusCodes.Status413PayloadTooLarge, "Request too large", "body", $"A model request body may be at most {MaxBodyBytes} bytes."));
        }

        if (buffer.Length == 0)
        {
            return (new ModelRequestBody([]), null);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiProblem.For(StatusCodes.Status400BadRequest, "Not an object", "body", "The body must be a JSON object."));
            }

            var fields = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            return (new ModelRequestBody(fields), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblem.For(StatusCodes.Status400BadRequest, "Malformed JSON", "body", $"The body is not valid JSON: {ex.Message}"));
        }
    }

    /// <summary>An optional instant field: null when absent or JSON null, a problem when it is not a date or an RFC 3339 time.</summary>
    public (DateTimeOffset? Value, IResult? Problem) Instant(string field)
    {
        if (!_fields.TryGetValue(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        return element.ValueKind == JsonValueKind.String && RequestInstant.TryParse(element.GetString()!, out var value)
            ? (value, null)
            : (null, ApiProblem.For(
                StatusCodes.Status400BadRequest,
                "Invalid date",
                field,
                $"{field} must be a date (1997-09-30, midnight UTC) or an RFC 3339 time with an offset (1997-09-30T12:00:00Z)."));
    }
}
