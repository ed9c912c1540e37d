using CustomerEngine.Host.Demo;

namespace CustomerEngine.Host.Hosting;

/// <summary>The command line the engine's host is built from.</summary>
public static class HostArguments
{
    /// <summary>
    /// The setting that stops the host from watching its settings files, put before the caller's
    /// arguments so that an operator's own <c>--hostBuilder:reloadConfigOnChange=true</c> wins.
    /// </summary>
    public const string ReadSettingsOnce = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary>
    /// The caller's arguments, with <c>--demo</c> expanded, after <see cref="ReadSettingsOnce"/>.
    /// </summary>
    /// <remarks>
    /// The framework watches for changes to appsettings.json through a watcher on the content root
    /// and every folder beneath it, and the content root is the working directory, where the
    /// embedded store writes (<c>data/</c>). Every write of the store then woke the watcher; at the
    /// engine's ingest rate that was a measurable share of the processor (decision 80). Nothing in
    /// the engine reloads settings while it runs.
    /// </remarks>
    public static string[] For(string[] args) => [ReadSettingsOnce, .. DemoSwitch.Expand(args)];
}
