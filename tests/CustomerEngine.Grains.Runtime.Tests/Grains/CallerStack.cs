namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Set by a test on its own thread around a call; grain code that sees it set ran on the caller's stack.</summary>
public static class CallerStack
{
    [ThreadStatic]
    private static bool t_inside;

    public static bool Inside
    {
        get => t_inside;
        set => t_inside = value;
    }
}
