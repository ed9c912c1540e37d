namespace CustomerEngine.Storage.Telemetry;

/// <summary>
/// Names of the store's traces and metrics, shared by every provider so dashboards do not depend
/// on which database is behind the engine. Subscribe to <see cref="SourceName"/> both as an
/// <see cref="System.Diagnostics.ActivitySource"/> and as a <see cref="System.Diagnostics.Metrics.Meter"/>.
/// Nothing recorded names a customer, a stream or an event.
/// </summary>
public static class StorageTelemetry
{
    /// <summary>The name of the store's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string SourceName = "CustomerEngine.Storage";

    /// <summary>The span around one caller's append to the event log, from submitting it to its durable commit (kind client).</summary>
    public const string AppendSpanName = "append events";

    /// <summary>Histogram, seconds: one caller's append from submitting it to its durable commit (queueing included). Tags <see cref="SystemTagName"/>, <see cref="OutcomeTagName"/>.</summary>
    public const string AppendDurationInstrumentName = "customer_engine.storage.append.duration";

    /// <summary>Histogram, seconds: one transaction of the writer, from its first statement to its commit. Tags <see cref="SystemTagName"/>, <see cref="OutcomeTagName"/>.</summary>
    public const string CommitDurationInstrumentName = "customer_engine.storage.commit.duration";

    /// <summary>Histogram, operations: how many callers' writes one transaction carried (the group of a group commit). Same tags as <see cref="CommitDurationInstrumentName"/>.</summary>
    public const string CommitOperationsInstrumentName = "customer_engine.storage.commit.operations";

    /// <summary>Tag holding the database, after the OpenTelemetry convention <c>db.system.name</c>: <c>sqlite</c>, <c>postgresql</c>.</summary>
    public const string SystemTagName = "db.system.name";

    /// <summary>Tag holding <see cref="Committed"/> or <see cref="Failed"/>.</summary>
    public const string OutcomeTagName = "outcome";

    /// <summary>The write is durable.</summary>
    public const string Committed = "committed";

    /// <summary>The write failed and nothing of it was kept.</summary>
    public const string Failed = "failed";
}
