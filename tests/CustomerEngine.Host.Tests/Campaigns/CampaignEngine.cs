using CustomerEngine.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerEngine.Host.Tests.Campaigns;

/// <summary>
/// The real engine for campaign tests: the daily cap and the number of current suggestions are
/// raised so neither (nor a Thompson draw ranking the offer fourth) decides whether a campaign's
/// offer is shown, which is what these tests count.
/// </summary>
public static class CampaignEngine
{
    public static WebApplicationFactory<Program> Start(EngineFactory factory, params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Engagement:MaxPresentedPerDay", "1000");
            builder.UseSetting("Engagement:TopN", "50");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
}
