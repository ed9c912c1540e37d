namespace CustomerEngine.Campaigns.Conditions;

/// <summary>A test of the values at one path; a missing value matches nothing.</summary>
internal sealed class FieldCondition<TSubject>(FieldReader<TSubject> reader, ValueTest test) : CompiledCondition<TSubject>
{
    public override bool Matches(TSubject subject) => reader.Any(subject, test);
}
