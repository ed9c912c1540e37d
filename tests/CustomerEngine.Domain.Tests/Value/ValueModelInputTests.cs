using System.Globalization;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Tests.Support;
using CustomerEngine.Domain.Value;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.Domain.Tests.Value;

public sealed class ValueModelInputTests
{
    private static readonly CustomerRules Rules = CustomerRules.Default;

    [Fact]
    public void Purchases_on_one_utc_day_are_one_transaction_and_the_first_days_spend_is_left_out()
    {
        var history = new History();
        var state = CustomerEvolver.Replay("c-1", [
            history.Purchase("2025-01-10T09:00Z", 10m),
            history.Purchase("2025-01-10T23:30Z", 5m),
            history.Purchase("2025-01-11T00:10+02:00", 7m), // still 10 January in UTC
            history.Purchase("2025-01-20T12:00Z", 20m),
            history.Purchase("2025-01-20T18:00Z", 30m),
            history.Purchase("2025-02-03T08:00Z", 40m)], Rules);

        Assert.Equal(6, state.Stats.Purchases);
        Assert.Equal(3, state.Stats.PurchaseDays);
        Assert.Equal(90m, state.Stats.RepeatDaySpend);
        var summary = ValueModelInput.Of(state.Stats)!.Value.SummaryAt(Time.At("2025-03-03T15:00Z"));
        Assert.Equal(new RfmSummary(2, 24 / 7.0, 52 / 7.0, 45.0), summary);
    }

    [Fact]
    public void A_customer_without_a_purchase_has_no_inputs()
    {
        var history = new History();

        var state = Fold.Apply(history.Registered("2025-01-10"), history.Viewed("2025-01-11"));

        Assert.Null(ValueModelInput.Of(state.Stats));
    }

    [Fact]
    public void Inputs_kept_by_the_fold_give_the_same_summary_as_the_value_models_own_calibration_summary()
    {
        var random = new Random(20260301);
        for (var customer = 0; customer < 200; customer++)
        {
            var history = new History($"c-{customer}");
            var purchases = new List<Purchase>();
            var start = Time.At("2024-06-01").AddMinutes(random.Next(0, 60 * 24 * 200));
            var count = 1 + random.Next(12);
            for (var i = 0; i < count; i++)
            {
                // Often the same day, sometimes a second either side of midnight UTC, in mixed offsets.
                var at = start.AddMinutes(random.Next(0, 60 * 24 * 300)).ToOffset(TimeSpan.FromHours(random.Next(-11, 13)));
                var total = Math.Round((decimal)(random.NextDouble() * 200), 2);
                purchases.Add(new Purchase(at, total));
                history.Purchase(at.ToString("O", CultureInfo.InvariantCulture), total);
            }

            var state = CustomerEvolver.Replay(history.CustomerId, history.Events, Rules);
            var asOf = purchases.Max(p => p.At).AddDays(random.Next(0, 400));

            Assert.Equal(CalibrationSummary.Of(purchases, asOf), ValueModelInput.Of(state.Stats)!.Value.SummaryAt(asOf));
        }
    }

    [Fact]
    public void A_purchase_stamped_a_little_after_now_counts_as_today()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-10T09:00Z"), history.Purchase("2025-01-20T00:02Z"));

        var summary = ValueModelInput.Of(state.Stats)!.Value.SummaryAt(Time.At("2025-01-19T23:58Z"));

        Assert.Equal(summary.Tx, summary.T);
    }
}
