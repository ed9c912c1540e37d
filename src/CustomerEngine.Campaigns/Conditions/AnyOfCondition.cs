namespace CustomerEngine.Campaigns.Conditions;

/// <summary>At least one part must match.</summary>
internal sealed class AnyOfCondition<TSubject>(CompiledCondition<TSubject>[] parts) : CompiledCondition<TSubject>
{
    public override bool Matches(TSubject subject)
    {
        foreach (var part in parts)
        {
            if (part.Matches(subject))
            {
                return true;
            }
        }

        return false;
    }
}
