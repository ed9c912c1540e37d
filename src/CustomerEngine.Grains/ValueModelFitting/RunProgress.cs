using CustomerEngine.ValueModels.Fitting;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>
/// Passes a fitter's progress straight to a callback on the fitting thread; <see cref="Progress{T}"/> would post
/// each report to the thread pool and could deliver them after the fit has finished.
/// </summary>
internal sealed class RunProgress(Action<FitProgress> report) : IProgress<FitProgress>
{
    public void Report(FitProgress value) => report(value);
}
