using System.Diagnostics.CodeAnalysis;

namespace CustomerEngine.Engagement.Actions;

/// <summary>Either a catalog read from JSON or every error found in it.</summary>
public sealed class ActionCatalogParseResult
{
    private ActionCatalogParseResult(ActionCatalog? catalog, IReadOnlyList<CatalogValidationError> errors)
    {
        Catalog = catalog;
        Errors = errors;
    }

    /// <summary>The catalog; null when <see cref="Errors"/> is not empty.</summary>
    public ActionCatalog? Catalog { get; }

    /// <summary>Every problem found, each naming its field; empty when the catalog is valid.</summary>
    public IReadOnlyList<CatalogValidationError> Errors { get; }

    /// <summary>True when the JSON was a valid catalog.</summary>
    [MemberNotNullWhen(true, nameof(Catalog))]
    public bool IsValid => Catalog is not null;

    internal static ActionCatalogParseResult Valid(ActionCatalog catalog) => new(catalog, []);

    internal static ActionCatalogParseResult Invalid(IReadOnlyList<CatalogValidationError> errors) => new(null, errors);
}
