using System.Text.Json;

namespace CustomerEngine.Grains.Runtime;

/// <summary>Settings of the <see cref="GrainRuntime"/>.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>How long an activation may go without calls before it is deactivated. Default 15 minutes.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default 1 minute.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the reminder table is polled for due reminders. Default 1 second.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claimed reminder is kept from other runtimes sharing the table while this one
    /// delivers it; if this runtime dies meanwhile, the firing is delivered once the lease ends.
    /// Longer than any reminder's handling should take. Default 5 minutes.
    /// </summary>
    public TimeSpan ReminderClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How persistent state is serialized to the <see cref="Storage.IGrainStateStore"/>. Default <see cref="JsonSerializerDefaults.Web"/>.</summary>
    public JsonSerializerOptions StateSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);
}
