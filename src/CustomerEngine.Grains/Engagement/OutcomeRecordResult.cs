namespace CustomerEngine.Grains.Engagement;

/// <summary>How recording an outcome went.</summary>
public enum OutcomeRecordResult
{
    /// <summary>Recorded now.</summary>
    Recorded,

    /// <summary>The same outcome was already recorded; nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>No such suggestion (unknown id, or a different outcome was recorded already).</summary>
    NotFound,
}
