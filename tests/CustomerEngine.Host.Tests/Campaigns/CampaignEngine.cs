using CustomerEngine.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerEngine.Host.Tests.Campaigns;

/// <summary>
/// The real engine for campaign tests: the daily cap of the contact policy is raised so it never
/// decides whether a campaign's offer is shown, which is what these tests count.
/// </summary>
public static class CampaignEngine
{
    public static WebApplicationFactory<Program> Start(EngineFactory factory, params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Engagement:MaxPresentedPerDay", "1000");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
}
