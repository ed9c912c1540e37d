namespace CustomerEngine.Campaigns.Conditions;

/// <summary>How one step of a compiled path moves from a value to the next.</summary>
internal enum PathStepKind
{
    /// <summary>Reads a property.</summary>
    Property,

    /// <summary>Looks a key up in a string dictionary (custom attributes).</summary>
    Key,

    /// <summary>Goes on with every element of a list.</summary>
    Each,
}
