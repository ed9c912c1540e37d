namespace CustomerEngine.Grains.Runtime.Activation;

/// <summary>Lifecycle of a <see cref="GrainActivation"/>; stored as an int so it can be read and swapped atomically.</summary>
internal static class ActivationState
{
    /// <summary>In the directory, grain instance not created yet; the first turn activates it.</summary>
    public const int Created = 0;

    /// <summary>Serving calls.</summary>
    public const int Active = 1;

    /// <summary>Running OnDeactivateAsync inside a turn.</summary>
    public const int Deactivating = 2;

    /// <summary>Gone from the directory; a caller that reaches it must look up a fresh activation.</summary>
    public const int Deactivated = 3;
}
