namespace CustomerEngine.Campaigns.Conditions;

/// <summary>Matches when its part does not.</summary>
internal sealed class NotCondition<TSubject>(CompiledCondition<TSubject> part) : CompiledCondition<TSubject>
{
    public override bool Matches(TSubject subject) => !part.Matches(subject);
}
