namespace CustomerEngine.Engagement.Actions;

/// <summary>One thing wrong with a catalog, naming the JSON field at fault (e.g. <c>actions[3].value</c>).</summary>
/// <param name="Field">The path of the field, <c>$</c> for the document itself.</param>
/// <param name="Message">What is wrong with it, for the person editing the catalog.</param>
public sealed record CatalogValidationError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
