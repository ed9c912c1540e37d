namespace CustomerEngine.Grains.Runtime;

/// <summary>
/// One named piece of a grain's durable state, obtained from <see cref="IPersistentStateFactory"/> in
/// the grain's constructor. The runtime reads it before <see cref="Grain.OnActivateAsync"/>; it is
/// written only when the grain calls <see cref="WriteStateAsync"/>.
/// </summary>
/// <remarks>
/// Writes are optimistic: each carries the <see cref="Version"/> last read or written, and fails with
/// <see cref="Storage.GrainStateConflictException"/> if the stored state has moved on meanwhile (for
/// example another process wrote it). After a conflict nothing changed, neither in the store nor in
/// <see cref="Version"/>; call <see cref="ReadStateAsync"/> before writing again.
/// </remarks>
/// <typeparam name="TState">The state's type, serialized with System.Text.Json.</typeparam>
public interface IPersistentState<TState> where TState : class, new()
{
    /// <summary>The in-memory state; a new <typeparamref name="TState"/> when nothing is stored.</summary>
    TState State { get; set; }

    /// <summary>The stored version this instance is based on; 0 when nothing is stored.</summary>
    long Version { get; }

    /// <summary>Whether the store held this state at the last read, write or clear.</summary>
    bool RecordExists { get; }

    /// <summary>Replaces <see cref="State"/> and <see cref="Version"/> with what is stored.</summary>
    Task ReadStateAsync();

    /// <summary>Stores <see cref="State"/> if the stored version still equals <see cref="Version"/>, then advances <see cref="Version"/>.</summary>
    /// <exception cref="Storage.GrainStateConflictException">
    /// The stored version differs; nothing was written, and the activation is deactivated when its
    /// turn ends (<see cref="DeactivationReason.StateConflict"/>) so the next call reads the stored state.
    /// </exception>
    Task WriteStateAsync();

    /// <summary>Removes the stored state if the stored version still equals <see cref="Version"/> and resets <see cref="State"/> to a new instance.</summary>
    /// <exception cref="Storage.GrainStateConflictException">The stored version differs; nothing was removed, and the activation is deactivated as for a write.</exception>
    Task ClearStateAsync();
}
