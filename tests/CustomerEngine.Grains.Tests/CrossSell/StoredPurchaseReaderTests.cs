using System.Text.Json;
using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.CrossSell;

namespace CustomerEngine.Grains.Tests.CrossSell;

/// <summary>The backfill's fast reader gives the same basket as parsing the whole stored event.</summary>
public sealed class StoredPurchaseReaderTests
{
    private static readonly DateTimeOffset Day = new(2025, 5, 1, 9, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Reads_the_same_lines_as_the_full_parser()
    {
        var purchase = new Purchase(
            "o-1",
            [
                new PurchaseItem("cream cheese ", null, null, 2.5m, 1, 0m),
                new PurchaseItem("tent \"Ultra\" é", "camping", "Acme", 199.99m, 2, 20m),
                new PurchaseItem("mat", "   ", null, 0m, 1, 0m),
                new PurchaseItem("tent \"Ultra\" é", "camping", "Acme", 189.99m, 1, 0m),
            ],
            570.47m);
        var e = new CustomerEvent("e-1", "c-1", "anon-1", EventTypes.Purchase, Day, "S1", EventChannel.Online, purchase);
        var payload = CustomerEventJson.Serialize(e);

        var fast = StoredPurchaseReader.Lines(payload);

        Assert.Equal(PurchaseBasket.Lines((Purchase)CustomerEventJson.Deserialize(payload).Data), fast);
        Assert.Equal(4, fast.Count);
        Assert.Null(fast[2].Category);
    }

    [Theory]
    [InlineData("""{"eventId":"e","type":"purchase"}""")]
    [InlineData("""{"eventId":"e","data":{"orderId":"o","total":1}}""")]
    [InlineData("""{"eventId":"e","data":{"items":[{"price":1}]}}""")]
    [InlineData("""{"eventId":"e","data":{"items":[{"sku":"a"}]}}""")]
    [InlineData("""{"eventId":"e","data":{"items":[{"sku":5,"price":1}]}}""")]
    [InlineData("""[1,2]""")]
    public void Refuses_what_is_not_a_stored_purchase_so_the_full_parser_can_say_why(string json)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(json);

        var thrown = Record.Exception(() => StoredPurchaseReader.Lines(payload));

        Assert.True(thrown is JsonException or InvalidOperationException or FormatException, $"got {thrown?.GetType().Name ?? "no exception"}");
    }
}
