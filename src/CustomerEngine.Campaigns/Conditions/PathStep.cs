namespace CustomerEngine.Campaigns.Conditions;

/// <summary>One step of a compiled path into the 360 view.</summary>
internal sealed record PathStep(PathStepKind Kind, Func<object, object?>? Getter = null, string? Key = null);
