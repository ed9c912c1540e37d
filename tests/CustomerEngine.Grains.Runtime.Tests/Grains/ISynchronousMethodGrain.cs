namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Breaks the grain interface rules: a method that does not return a task.</summary>
public interface ISynchronousMethodGrain : IGrain
{
    int GetValue();
}
