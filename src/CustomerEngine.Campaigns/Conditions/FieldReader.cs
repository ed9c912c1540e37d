namespace CustomerEngine.Campaigns.Conditions;

/// <summary>Reads the values at one field path of a subject, compiled once per campaign.</summary>
/// <typeparam name="TSubject">What the path goes into: an audience subject or a trigger event.</typeparam>
internal abstract class FieldReader<TSubject>
{
    /// <summary>True when <paramref name="test"/> holds for any value at the path; false when there is none.</summary>
    public bool Any(TSubject subject, ValueTest test)
    {
        foreach (var value in Values(subject))
        {
            if (test.Matches(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every value at the path (read once per subject and path, then remembered by the subject).</summary>
    public abstract FieldValue[] Values(TSubject subject);
}
