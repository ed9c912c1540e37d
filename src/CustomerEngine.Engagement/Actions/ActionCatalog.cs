using System.Collections.Frozen;

namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// The actions the engine can suggest, immutable and versioned: a new catalog replaces the old one
/// as a whole, so a suggestion can always say which version it came from.
/// </summary>
public sealed class ActionCatalog
{
    private const string DefaultResourceName = "CustomerEngine.Engagement.DefaultCatalog.actions.json";

    private readonly FrozenDictionary<string, ActionDefinition> _byId;

    // Every decision asks each provider's kind; grouping once spares a filter per provider per decision.
    private readonly FrozenDictionary<string, IReadOnlyList<ActionDefinition>> _byKind;

    /// <summary>Creates a catalog.</summary>
    /// <param name="version">The catalog's version; 0 or more.</param>
    /// <param name="actions">The actions, in the order they are listed.</param>
    /// <exception cref="ArgumentException">An action is invalid or two share an id; the message lists every problem.</exception>
    public ActionCatalog(int version, IEnumerable<ActionDefinition> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToArray();
        var errors = CatalogValidation.Check(version, list.Select((action, index) => (index, action)));
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid action catalog: " + string.Join("; ", errors), nameof(actions));
        }

        Version = version;
        Actions = list;
        _byId = list.ToFrozenDictionary(action => action.Id, StringComparer.Ordinal);
        _byKind = list.GroupBy(action => action.Kind, StringComparer.Ordinal).ToFrozenDictionary(group => group.Key, IReadOnlyList<ActionDefinition> (group) => group.ToArray().AsReadOnly(), StringComparer.Ordinal);
    }

    /// <summary>A catalog with no actions (version 0).</summary>
    public static ActionCatalog Empty { get; } = new(0, []);

    /// <summary>The catalog's version.</summary>
    public int Version { get; }

    /// <summary>Every action, in catalog order.</summary>
    public IReadOnlyList<ActionDefinition> Actions { get; }

    /// <summary>The action with <paramref name="id"/>, or null when the catalog has none.</summary>
    public ActionDefinition? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault(id);
    }

    /// <summary>The actions of <paramref name="kind"/>, in catalog order.</summary>
    public IReadOnlyList<ActionDefinition> OfKind(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return _byKind.GetValueOrDefault(kind) ?? [];
    }

    /// <summary>
    /// The default catalog for a retailer shipped with the engine (<c>DefaultCatalog/actions.json</c>):
    /// at least one action of every built-in kind.
    /// </summary>
    /// <exception cref="InvalidOperationException">The embedded catalog is missing or invalid (a build defect).</exception>
    public static ActionCatalog LoadDefault()
    {
        using var stream = typeof(ActionCatalog).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var parsed = ActionCatalogJson.Parse(reader.ReadToEnd());
        return parsed.Catalog
            ?? throw new InvalidOperationException("The default action catalog is invalid: " + string.Join("; ", parsed.Errors));
    }
}
