namespace CustomerEngine.Campaigns.Conditions;

/// <summary>Every part must match; no parts match everything.</summary>
internal sealed class AllOfCondition<TSubject>(CompiledCondition<TSubject>[] parts) : CompiledCondition<TSubject>
{
    public override bool Matches(TSubject subject)
    {
        foreach (var part in parts)
        {
            if (!part.Matches(subject))
            {
                return false;
            }
        }

        return true;
    }
}
