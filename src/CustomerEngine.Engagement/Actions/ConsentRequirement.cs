namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// The consent an action needs: the customer must have granted contact through
/// <paramref name="Channel"/> (e.g. <c>email</c>) for <paramref name="Purpose"/> (e.g.
/// <c>marketing</c>); a null purpose asks for consent covering every purpose of the channel.
/// </summary>
/// <param name="Channel">The contact channel, as in <c>consent.changed</c> events.</param>
/// <param name="Purpose">The purpose, or null for the channel as a whole.</param>
public sealed record ConsentRequirement(string Channel, string? Purpose = null);
