using CustomerEngine.Engagement.Actions;

namespace CustomerEngine.Grains.Engagement;

/// <summary>
/// The engine-wide action catalog every customer grain arbitrates over. Replacing it bumps its
/// version, and a grain whose suggestions were made from an older version recomputes them.
/// </summary>
public sealed class ActionCatalogHolder
{
    private volatile ActionCatalog _current = ActionCatalog.LoadDefault();

    /// <summary>The catalog in force.</summary>
    public ActionCatalog Current => _current;

    /// <summary>Puts <paramref name="catalog"/> in force, with a version above the current one.</summary>
    public ActionCatalog Replace(ActionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var versioned = new ActionCatalog(Math.Max(catalog.Version, _current.Version + 1), catalog.Actions);
        _current = versioned;
        return versioned;
    }

    /// <summary>Restores a stored catalog as it was, version included.</summary>
    public void Restore(ActionCatalog catalog) => _current = catalog ?? throw new ArgumentNullException(nameof(catalog));
}
