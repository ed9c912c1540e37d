namespace CustomerEngine.Campaigns.Conditions;

/// <summary>One step of a compiled path into the 360 view.</summary>
/// <param name="Kind">How the step moves on.</param>
/// <param name="Getter">For a property: reads it.</param>
/// <param name="Key">For a dictionary: the key.</param>
/// <param name="Scalar">For a property holding a scalar: reads it as a value directly (no boxing); null when absent.</param>
internal sealed record PathStep(PathStepKind Kind, Func<object, object?>? Getter = null, string? Key = null, Func<object, FieldValue?>? Scalar = null);
