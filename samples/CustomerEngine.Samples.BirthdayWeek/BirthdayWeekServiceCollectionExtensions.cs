using CustomerEngine.Grains.Engagement;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Samples.BirthdayWeek;

/// <summary>Registers the birthday-week plug-in with the engine.</summary>
public static class BirthdayWeekServiceCollectionExtensions
{
    /// <summary>
    /// Adds the birthday week: <see cref="BirthdayHandler"/> keeps the customer's birthday,
    /// <see cref="BirthdayTreatProvider"/> offers the treat around it and
    /// <see cref="BirthdayInStoreWeightRule"/> favours it while the customer is in a store. Call it
    /// once, anywhere before the host is built (e.g. after <c>builder.AddCustomerEngine()</c>);
    /// calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddBirthdayWeek(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Registered twice, the treat would be proposed twice (the arbitrator merges the two and
        // shows the reason twice) and weighed twice in a store (x4 instead of x2).
        if (services.Any(d => d.ServiceType == typeof(BirthdayTreatProvider)))
        {
            return services;
        }

        return services
            .AddEngagementBehavior<BirthdayHandler>()
            .AddEngagementBehavior<BirthdayTreatProvider>()
            .AddEngagementBehavior<BirthdayInStoreWeightRule>();
    }
}
