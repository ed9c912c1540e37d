namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public interface IFlakyActivationGrain : IGrain
{
    Task<string> PingAsync();
}
