namespace CustomerEngine.Grains.Runtime;

/// <summary>
/// Marks a grain interface method whose calls do not take the activation's turn: they run
/// immediately, concurrently with the current turn and with each other, and do not delay queued
/// calls. Use only for methods that are safe to run concurrently with any other method (for example
/// reads of immutable or thread-safe data).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class InterleavedAttribute : Attribute;
