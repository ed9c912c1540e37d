using System.Text.Json.Serialization;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>Where a fit run stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FitRunStatus>))]
public enum FitRunStatus
{
    /// <summary>Still reading or fitting.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Finished; its fit is the current one.</summary>
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    /// <summary>Finished without a usable fit; the previous fit stays current.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
