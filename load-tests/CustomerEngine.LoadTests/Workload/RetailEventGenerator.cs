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
    private const int CatalogSize = 2000;
    private readonly Random _random = new(seed);
    private readonly string _run = seed.ToString("x", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
    private long _next;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    // Kept from batch to batch: the tool shares the processors and the collector with an engine
    // in the same process, and a fresh builder and its string per batch were about 12% of all
    // that process allocated at full ingest. Batches are made one after another per generator.
    private readonly StringBuilder _json = new();

    /// <summary>
    /// A JSON array of <paramref name="size"/> events, as UTF-8; each is also described in <paramref name="generated"/> when given.
    /// The events are stamped <paramref name="now"/>, or one millisecond after the previous batch when that is later.
    /// </summary>
    public byte[] NextBatch(int size, DateTimeOffset now, ICollection<GeneratedEvent>? generated = null)
    {
        // Event times are written to the millisecond. Two batches made within one millisecond (the
        // open model makes the next batch as soon as it sends one when it is behind) would give a
        // customer in both two events of the same time; the second then changes nothing a dashboard
        // sees, the engine rightly pushes nothing, and the push scenarios would count that event as
        // answered only by the customer's next push, seconds later (session 8's "stalls").
        var floor = _lastStamp.AddMilliseconds(1);
        now = now < floor ? floor : now;
        _lastStamp = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var json = _json.Clear();
        json.EnsureCapacity(size * 260);
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
        return Utf8Of(json);
    }

    // Encodes the builder's chunks straight into the bytes sent, without a string in between.
    private static byte[] Utf8Of(StringBuilder text)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        var length = 0;
        foreach (var chunk in text.GetChunks())
        {
            length += encoder.GetByteCount(chunk.Span, flush: false);
        }

        length += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        var bytes = new byte[length];
        var written = 0;
        foreach (var chunk in text.GetChunks())
        {
            written += encoder.GetBytes(chunk.Span, bytes.AsSpan(written), flush: false);
        }

        encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        return bytes;
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
                json.Append(CultureInfo.InvariantCulture, $",\"data\":{{{Catalog[_random.Next(CatalogSize)]}}}");
                break;
            case "cart.added":
                json.Append(CultureInfo.InvariantCulture, $",\"data\":{{{Catalog[_random.Next(CatalogSize)]},\"quantity\":1}}");
                break;
            case "purchase":
                var product = _random.Next(CatalogSize);
                var price = ListPrice(product);
                var discount = _random.Next(3) == 0 ? Math.Round(price * 0.2m, 2) : 0m;
                json.Append(CultureInfo.InvariantCulture, $",\"data\":{{\"orderId\":\"{id}\",\"items\":[{{{Catalog[product]},\"quantity\":1,\"discount\":{discount}}}],\"total\":{price - discount}}}");
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

    // A shop's catalogue: every SKU has one category, one brand and one list price, the same in
    // every batch and for every seed, as in a real product feed. (Until 2026-12-06 each line drew
    // a random category and price, so every purchase moved its SKU between categories.) Its JSON
    // is written once: in-process the generator shares the engine's collector, so what it
    // allocates per event is paid for in the engine's pauses too.
    private static readonly string[] Catalog = Enumerable.Range(0, CatalogSize).Select(ProductJson).ToArray();

    private static string ProductJson(int product) =>
        string.Create(CultureInfo.InvariantCulture, $"\"sku\":\"SKU-{product}\",\"category\":\"{Categories[product % Categories.Length]}\",\"brand\":\"{Brands[product / Categories.Length % Brands.Length]}\",\"price\":{ListPrice(product)}");

    // Spread over 5.00–299.99 by a fixed multiplicative hash, so neighbouring SKUs are not in price order.
    private static decimal ListPrice(int product) => 5m + ((uint)(product * 2654435761u) % 29500u / 100m);
}
