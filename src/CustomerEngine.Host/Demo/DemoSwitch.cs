namespace CustomerEngine.Host.Demo;

/// <summary>Turns the bare <c>--demo</c> switch into the setting <c>Demo:Enabled=true</c>.</summary>
public static class DemoSwitch
{
    /// <summary>The arguments with <c>--demo</c> replaced; the configuration reader wants a value after every switch.</summary>
    public static string[] Expand(string[] args) =>
        [.. args.Select(a => a == "--demo" ? "--Demo:Enabled=true" : a)];
}
