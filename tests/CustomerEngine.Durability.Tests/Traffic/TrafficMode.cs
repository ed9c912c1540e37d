namespace CustomerEngine.Durability.Tests.Traffic;

/// <summary>What a client does when a post is not accepted.</summary>
public enum TrafficMode
{
    /// <summary>Moves on to its next batch after a refusal, and stops when the host stops answering (it was killed or stopped); what was not acknowledged is sent again later.</summary>
    StopWhenHostIsGone,

    /// <summary>Sends the same batch again after the Retry-After it was given (a second after a connection failure) until it is accepted, as a producer riding out an outage does.</summary>
    RetryUntilAccepted,
}
