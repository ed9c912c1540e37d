namespace CustomerEngine.LoadTests.Load;

/// <summary>What <see cref="PushLoad"/> measured: the posts, and the dashboards' pushes.</summary>
/// <param name="Ingest">The posts, with the latency of their <c>202</c>.</param>
/// <param name="Counts">What became of each post.</param>
/// <param name="Push">Event → first push that reflects it.</param>
/// <param name="PushesMeasured">Events whose push was timed.</param>
/// <param name="PushesUnmeasured">Events left out because their customer had a batch in flight.</param>
/// <param name="PushesMissing">Events with no push within the drain after the load.</param>
/// <param name="Suggestions">Store entry → its <c>SuggestionsUpdated</c>, when measured.</param>
/// <param name="SuggestionsMeasured">Entries whose suggestions push was timed.</param>
/// <param name="SuggestionsReceived"><c>SuggestionsUpdated</c> pushes the dashboards received in the measured period.</param>
/// <param name="SuggestionsMissing">Awaited entries with no suggestions push within the drain.</param>
public sealed record PushRun(
    LoadResult Ingest,
    IngestCounts Counts,
    LatencySummary Push,
    int PushesMeasured,
    long PushesUnmeasured,
    int PushesMissing,
    LatencySummary? Suggestions,
    int SuggestionsMeasured,
    long SuggestionsReceived,
    int SuggestionsMissing);
