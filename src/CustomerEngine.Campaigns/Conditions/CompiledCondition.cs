namespace CustomerEngine.Campaigns.Conditions;

/// <summary>A validated condition, ready to evaluate many times without reading its JSON again.</summary>
/// <typeparam name="TSubject">What it is evaluated over.</typeparam>
internal abstract class CompiledCondition<TSubject>
{
    public abstract bool Matches(TSubject subject);
}
