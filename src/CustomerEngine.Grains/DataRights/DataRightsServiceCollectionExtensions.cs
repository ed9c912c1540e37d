using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Grains.DataRights;

/// <summary>Registers customers' data rights: export, erasure and the erasure audit trail.</summary>
public static class DataRightsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CustomerDataRights"/> and what the customer grains need to erase a customer.
    /// Options bind from <c>DataRights</c>; a key shorter than
    /// <see cref="ErasureSubjectDigest.MinimumKeyLength"/> characters stops the host at start-up.
    /// The store must register <c>ICustomerErasure</c>.
    /// </summary>
    public static IServiceCollection AddCustomerDataRights(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataRightsOptions>()
            .Bind(configuration.GetSection("DataRights"))
            .Validate(
                o => string.IsNullOrEmpty(o.ErasureKey) || o.ErasureKey.Length >= ErasureSubjectDigest.MinimumKeyLength,
                $"DataRights:ErasureKey must be at least {ErasureSubjectDigest.MinimumKeyLength} characters: it is what keeps a copy of the database from testing guessed customer ids.")
            .ValidateOnStart();
        services.TryAddSingleton<ErasureSubjectDigest>();
        services.TryAddSingleton<CustomerEraser>();
        services.AddHostedService<ErasureRelay>();
        services.AddHostedService<ErasureFenceRelay>();
        services.TryAddSingleton<CustomerDataRights>();
        return services;
    }
}
