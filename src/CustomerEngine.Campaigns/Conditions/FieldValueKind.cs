namespace CustomerEngine.Campaigns.Conditions;

/// <summary>What a <see cref="FieldValue"/> holds.</summary>
internal enum FieldValueKind
{
    Text,
    Number,
    Flag,
    Time,
}
