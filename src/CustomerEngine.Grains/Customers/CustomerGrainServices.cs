using CustomerEngine.Domain.Customers;
using CustomerEngine.Grains.DataRights;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Value;
using CustomerEngine.Storage.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Customers;

/// <summary>
/// The node-wide services every customer grain works with, resolved once. A grain holds this one
/// reference instead of a field per service: a million active customers would otherwise carry
/// eighty megabytes of identical references.
/// </summary>
public sealed class CustomerGrainServices(
    IEventLog log,
    CustomerIndexWriter index,
    ValueDistributionSnapshot values,
    ValueModelSnapshot models,
    IEngagementPublisher engagement,
    SuggestionEngine suggestions,
    IOptions<CustomerRules> rules,
    IOptions<CustomerGrainOptions> options,
    IOptions<PresenceOptions> presence,
    ILogger<CustomerGrain> logger,
    CustomerEraser eraser,
    CustomerActivations activations)
{
    /// <summary>The event log.</summary>
    public IEventLog Log { get; } = log;

    /// <summary>The customer index's writer.</summary>
    public CustomerIndexWriter Index { get; } = index;

    /// <summary>The base's value distribution, for tiers.</summary>
    public ValueDistributionSnapshot Values { get; } = values;

    /// <summary>The fitted value model, if any.</summary>
    public ValueModelSnapshot Models { get; } = models;

    /// <summary>Where summaries and suggestions are pushed.</summary>
    public IEngagementPublisher Engagement { get; } = engagement;

    /// <summary>Decides suggestions.</summary>
    public SuggestionEngine Suggestions { get; } = suggestions;

    /// <summary>Lifecycle, segment and recent-list rules.</summary>
    public CustomerRules Rules { get; } = rules.Value;

    /// <summary>Snapshot and replay settings.</summary>
    public CustomerGrainOptions Options { get; } = options.Value;

    /// <summary>How presence in stores is judged.</summary>
    public PresenceOptions Presence { get; } = presence.Value;

    /// <summary>The customer grains' logger.</summary>
    public ILogger<CustomerGrain> Logger { get; } = logger;

    /// <summary>Erases a customer's data.</summary>
    public CustomerEraser Eraser { get; } = eraser;

    /// <summary>Tells other nodes when a customer's activation moves.</summary>
    public CustomerActivations Activations { get; } = activations;
}
