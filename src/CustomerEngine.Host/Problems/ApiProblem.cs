namespace CustomerEngine.Host.Problems;

/// <summary>Problem details (RFC 9457) that name the field at fault, so a client can point at it.</summary>
public static class ApiProblem
{
    /// <summary>A problem response with status, title, the field at fault and a plain-English detail.</summary>
    public static IResult For(int status, string title, string field, string detail) =>
        TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            extensions: new Dictionary<string, object?> { ["field"] = field });
}
