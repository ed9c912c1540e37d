namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>A fit that ran to the end without a result the engine can trust (no convergence, an infinite mean spend, no data).</summary>
public sealed class FitFailedException : Exception
{
    /// <summary>Creates the exception with a reason a person can read.</summary>
    public FitFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    public FitFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public FitFailedException()
        : base("The fit failed.")
    {
    }
}
