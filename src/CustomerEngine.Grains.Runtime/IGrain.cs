namespace CustomerEngine.Grains.Runtime;

/// <summary>
/// Marker for grain interfaces. A grain interface derives from this interface, is identified by a
/// string key, and declares only methods returning <see cref="Task"/>, <see cref="Task{TResult}"/>,
/// <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>.
/// </summary>
public interface IGrain;
