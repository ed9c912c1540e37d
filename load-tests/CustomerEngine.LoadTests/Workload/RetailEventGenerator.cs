using System.Globalization;
using System.Text;

namespace CustomerEngine.LoadTests.Workload;

/// <summary>
/// Reproducible, realistic event batches: customers walk into stores, browse, put things in the
/// basket, buy, give feedback and leave. The same seed gives the same events.
/// </summary>
public sealed class RetailEventGenerator(int seed, int customers, int stores, int partition = 0, int partitions = 1)
{
    private static readonly string[] Categories = ["tents", "sleeping-bags", "mats", "stoves", "boots", "jackets", "backpacks", "lamps"];
    private static readonly string[] Brands = ["Nordic", "Alpina", "Trailhead", "Summit", "Ridge", "Canyon"];
    private readonly Random _random = new(seed);
    private readonly string _run = seed.ToString("x", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
    private long _next;

    /// <summary>A JSON array of <paramref name="size"/> events, as UTF-8; each is also described in <paramref name="generated"/> when given.</summary>
    public byte[] NextBatch(int size, DateTimeOffset now, ICollection<GeneratedEvent>? generated = null)
    {
        var json = new StringBuilder(size * 260);
        json.Append('[');
        for (var i = 0; i < size; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            // Producers send a customer's events roughly in order; the engine copes with late ones,
            // but a realistic stream is mostly ordered.
            AppendEvent(json, now.AddTicks(i), generated);
        }

        json.Append(']');
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private void AppendEvent(StringBuilder json, DateTimeOffset at, ICollection<GeneratedEvent>? generated)
    {
        // Each producer owns a slice of the customers, as a partitioned event stream would: one
        // customer's events then leave in the order they happened.
        var customer = (_random.Next(customers / partitions) * partitions) + partition;
        var store = $"S{1 + (customer % stores)}";
        var id = $"{_run}-{_next++}";
        var roll = _random.Next(100);
        var occurredAt = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        json.Append(CultureInfo.InvariantCulture, $"{{\"eventId\":\"{id}\",\"customerId\":\"cust-{customer}\",\"occurredAt\":\"{occurredAt}\",\"storeId\":\"{store}\",\"channel\":\"store\",");
        var type = roll switch
        {
            < 20 => "store.entered",
            < 45 => "product.viewed",
            < 60 => "cart.added",
            < 75 => "purchase",
            < 82 => "feedback",
            < 84 => "complaint.opened",
            _ => "store.left",
        };
        generated?.Add(new GeneratedEvent($"cust-{customer}", store, type, new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero)));
        json.Append(CultureInfo.InvariantCulture, $"\"type\":\"{type}\"");
        switch (type)
        {
            case "product.viewed":
                json.Append(CultureInfo.InvariantCulture, $",\"data\":{{\"sku\":\"{Sku()}\",\"category\":\"{Pick(Categories)}\",\"brand\":\"{Pick(Brands)}\",\"price\":{Price()}}}");
                break;
            case "cart.added":
                json.Append(CultureInfo.InvariantCulture, $",\"data\":{{\"sku\":\"{Sku()}\",\"category\":\"{Pick(Categories)}\",\"brand\":\"{Pick(Brands)}\",\"price\":{Price()},\"quantity\":1}}");
                break;
            case "purchase":
                var price = Price();
                var discount = _random.Next(3) == 0 ? Math.Round(price * 0.2m, 2) : 0m;
                json.Append(CultureInfo.InvariantCulture, $",\"data\":{{\"orderId\":\"{id}\",\"items\":[{{\"sku\":\"{Sku()}\",\"category\":\"{Pick(Categories)}\",\"brand\":\"{Pick(Brands)}\",\"price\":{price},\"quantity\":1,\"discount\":{discount}}}],\"total\":{price - discount}}}");
                break;
            case "feedback":
                json.Append(CultureInfo.InvariantCulture, $",\"data\":{{\"nps\":{_random.Next(11)},\"ces\":{1 + _random.Next(7)}}}");
                break;
            case "complaint.opened":
                json.Append(CultureInfo.InvariantCulture, $",\"data\":{{\"complaintId\":\"{id}\",\"topic\":\"delivery\"}}");
                break;
        }

        json.Append('}');
    }

    private string Sku() => $"SKU-{_random.Next(2000)}";

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private decimal Price() => Math.Round(5m + (decimal)_random.NextDouble() * 295m, 2);
}
