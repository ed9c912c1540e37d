namespace CustomerEngine.Grains.Runtime;

/// <summary>
/// The identity of one activation, passed to the grain's constructor when it declares a parameter of
/// this type. Persistent state is created from it (see <see cref="IPersistentStateFactory"/>).
/// </summary>
public interface IGrainContext
{
    /// <summary>The key of the grain.</summary>
    string GrainKey { get; }

    /// <summary>The grain interface the activation was created for.</summary>
    Type InterfaceType { get; }

    /// <summary>
    /// Registers work the runtime runs inside the activation turn, before
    /// <see cref="Grain.OnActivateAsync(CancellationToken)"/>, in registration order (for example
    /// reading persistent state). A step that throws fails the activation and the call that caused it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The activation has already started running its steps, i.e. this was not called from the grain's constructor.</exception>
    void RegisterActivationStep(Func<CancellationToken, Task> step);
}
