namespace CustomerEngine.Engagement.Failures;

/// <summary>
/// An extension that failed and was skipped, for the host to log and count: one faulty plug-in must
/// not take suggestions away from every customer.
/// </summary>
/// <param name="Name">The extension's name.</param>
/// <param name="Kind">Which extension point it plugs into.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="Exception">The exception it threw, or null when it returned something unusable.</param>
public sealed record ExtensionFailure(string Name, ExtensionKind Kind, string Message, Exception? Exception = null);
