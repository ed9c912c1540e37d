namespace CustomerEngine.Grains.Runtime;

/// <summary>Hands out references to grains.</summary>
public interface IGrainFactory
{
    /// <summary>
    /// Returns a reference to the grain with the given interface and key. Getting a reference is
    /// cheap and does not activate the grain; the first method call does.
    /// </summary>
    /// <typeparam name="TGrain">A grain interface registered with <c>AddGrain</c>.</typeparam>
    /// <param name="key">The grain's key; any string, compared ordinally.</param>
    /// <exception cref="InvalidOperationException">No implementation is registered for <typeparamref name="TGrain"/>.</exception>
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrain;
}
