namespace CustomerEngine.Grains.Runtime.Activation;

/// <summary>One <c>AddGrain&lt;TInterface, TImplementation&gt;()</c>, carried through the service collection to the runtime.</summary>
internal sealed record GrainRegistration(Type InterfaceType, Type ImplementationType);
