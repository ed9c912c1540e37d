namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed class SynchronousMethodGrain : Grain, ISynchronousMethodGrain
{
    public int GetValue() => 1;
}
