namespace CustomerEngine.Campaigns.Conditions;

/// <summary>The operator of a field test.</summary>
internal enum ValueTestKind
{
    In,
    EqualTo,
    Contains,
    Range,
}
