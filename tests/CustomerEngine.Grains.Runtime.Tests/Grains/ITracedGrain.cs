namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Used only by telemetry tests, so its span and metric names identify their calls.</summary>
internal interface ITracedGrain : IGrain
{
    Task<int> AddAsync(int left, int right);

    Task FailAsync();
}
