namespace CustomerEngine.ValueModels.Tests.Support;

/// <summary>Delivers progress on the reporting thread, so a test sees every report before the fit returns.</summary>
internal sealed class SynchronousProgress<T>(Action<T> onReport) : IProgress<T>
{
    public void Report(T value) => onReport(value);
}
