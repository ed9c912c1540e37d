using CustomerEngine.LoadTests.Load;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// The campaigns scenario's result. The common fields describe the traffic it runs under (the
/// <c>202</c>'s latency); the rest, the activate/pause cycles.
/// </summary>
public sealed record CampaignSwitchResult : LoadResult
{
    public CampaignSwitchResult(LoadResult traffic)
        : base(traffic)
    {
    }

    /// <summary>Activate/pause cycles run.</summary>
    public int Cycles { get; init; }

    /// <summary>Activation request → first presentation, over the activations that presented within the patience.</summary>
    public LatencySummary ActivationRequestToPresentationMs { get; init; } = new(0, 0, 0, 0);

    /// <summary>Activation acknowledged → first presentation.</summary>
    public LatencySummary ActivationAcknowledgedToPresentationMs { get; init; } = new(0, 0, 0, 0);

    /// <summary>Last presentation → the pause's acknowledgement.</summary>
    public LatencySummary LastPresentationBeforePauseMs { get; init; } = new(0, 0, 0, 0);

    /// <summary>Presentations counted after a pause was acknowledged (should be none).</summary>
    public long PresentationsAfterPause { get; init; }

    /// <summary>Activations with no presentation within the patience (should be none).</summary>
    public int ActivationsWithoutPresentation { get; init; }

    /// <summary>Every pause held and every activation presented.</summary>
    public bool Succeeded => PresentationsAfterPause == 0 && ActivationsWithoutPresentation == 0;
}
