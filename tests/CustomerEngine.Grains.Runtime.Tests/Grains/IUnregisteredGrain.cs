namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Never registered with AddGrain.</summary>
public interface IUnregisteredGrain : IGrain
{
    Task PingAsync();
}
