using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.Runtime.Telemetry;

/// <summary>The runtime's log messages. Grain keys are customer ids and are never logged.</summary>
internal static partial class GrainRuntimeLog
{
    [LoggerMessage(1, LogLevel.Error, "A timer callback of {GrainInterface} failed; the timer keeps running.")]
    public static partial void TimerCallbackFailed(ILogger logger, Exception exception, string grainInterface);

    [LoggerMessage(2, LogLevel.Error, "OnDeactivateAsync of {GrainInterface} failed during deactivation ({Reason}); the activation was removed anyway.")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, string grainInterface, DeactivationReason reason);

    [LoggerMessage(3, LogLevel.Warning, "Disposing the service scope of a {GrainInterface} activation failed.")]
    public static partial void ServiceScopeDisposalFailed(ILogger logger, Exception exception, string grainInterface);

    [LoggerMessage(4, LogLevel.Error, "Delivering reminder {ReminderName} to {GrainType} failed; it stays scheduled for its next period.")]
    public static partial void ReminderDeliveryFailed(ILogger logger, Exception exception, string grainType, string reminderName);

    [LoggerMessage(5, LogLevel.Error, "Polling or updating the reminder table failed; retrying on the next poll.")]
    public static partial void ReminderTableFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Debug, "Reminder {ReminderName} belongs to {GrainType}, which is not registered in this runtime; left untouched.")]
    public static partial void ReminderForUnknownGrainType(ILogger logger, string grainType, string reminderName);

    [LoggerMessage(7, LogLevel.Error, "Idle activation collection failed; retrying on the next quantum.")]
    public static partial void IdleCollectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Debug, "Deactivated {Count} idle activations.")]
    public static partial void IdleActivationsCollected(ILogger logger, int count);
}
