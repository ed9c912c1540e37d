namespace CustomerEngine.Storage.Notifications;

/// <summary>A message another node published.</summary>
/// <param name="SenderNodeId">The publishing node's <see cref="INodeNotifications.NodeId"/>.</param>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Payload">What was published.</param>
public sealed record NodeMessage(string SenderNodeId, string Topic, string Payload);
