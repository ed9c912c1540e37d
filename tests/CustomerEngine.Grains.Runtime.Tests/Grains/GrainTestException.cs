namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Thrown by test grains so tests can tell it apart from anything the runtime throws.</summary>
public sealed class GrainTestException(string message) : Exception(message);
