namespace CustomerEngine.Host.Ingestion;

/// <summary>The accepted-event rate at one instant (see <see cref="AcceptedEventRate"/>).</summary>
/// <param name="PerSecond">Average over the 10 whole seconds before the current one.</param>
/// <param name="LastMinute">Events accepted in the current second and the 59 before it.</param>
/// <param name="History">Events accepted in each of the last <see cref="AcceptedEventRate.HistorySeconds"/> whole seconds, oldest first.</param>
public sealed record AcceptedEventRateReading(double PerSecond, long LastMinute, IReadOnlyList<long> History);
