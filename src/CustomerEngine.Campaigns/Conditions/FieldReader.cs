namespace CustomerEngine.Campaigns.Conditions;

/// <summary>Reads the values at one field path of a subject, compiled once per campaign.</summary>
/// <typeparam name="TSubject">What the path goes into: an audience subject or a trigger event.</typeparam>
internal abstract class FieldReader<TSubject>
{
    /// <summary>True when <paramref name="test"/> holds for any value at the path; false when there is none.</summary>
    public abstract bool Any(TSubject subject, ValueTest test);
}
