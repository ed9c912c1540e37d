using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests.CrossSell;

public sealed class TmpProbeTests
{
    [Fact]
    public async Task Probe()
    {
        await using var f = new EngineFactory();
        var c = f.CreateClient();
        var id = "probe";
        var t = new DateTimeOffset(2025, 2, 3, 10, 0, 0, TimeSpan.Zero);
        await c.IngestAsync(Registered(id, t, name: "Grace"));
        await c.IngestAsync(Purchase(id, t.AddDays(1).AddMinutes(10), price: 120m, brand: "A", orderId: "o1"));
        await c.IngestAsync(Purchase(id, t.AddDays(400), price: 300m, brand: "C", orderId: "o4"));
        var view = await c.CustomerAsync(id);
        File.WriteAllText("/tmp/probe.json", view["suggestions"]!.ToJsonString());
    }
}
