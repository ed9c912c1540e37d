using CustomerEngine.Domain.Events;

namespace CustomerEngine.Domain.Tests.Support;

/// <summary>Two years of one customer's life in every kind of event, including simultaneous events.</summary>
internal static class RealisticHistory
{
    public static History Build()
    {
        var h = new History();
        h.AnonymousViewed("2024-11-02T19:00Z", "cookie-9", "sku-10");
        h.AnonymousViewed("2024-11-03T19:05Z", "cookie-9", "sku-11");
        h.Registered("2025-01-10T09:00Z", "Ada", CustomerKind.Individual, "s-1", new() { ["segment"] = "retiree" });
        h.Identified("2025-01-10T09:00Z", "cookie-9");
        h.Consent("2025-01-10T09:00Z", "email", "marketing", true);
        h.Entered("2025-01-15T10:00Z");
        h.Viewed("2025-01-15T10:05Z", "sku-1", EventChannel.Store, "Acme");
        h.CartAdded("2025-01-15T10:10Z", "sku-1", 2, EventChannel.Store);
        h.Purchase("2025-01-15T10:20Z", 110m, EventChannel.Store, "s-1", History.Item("sku-1", 60m, 2, "Acme", 10m));
        h.Left("2025-01-15T10:40Z");
        h.Feedback("2025-01-16T08:00Z", nps: 6, ces: 5);
        h.ComplaintOpened("2025-01-16T08:05Z", "k-1", "queue");
        h.ComplaintResolved("2025-01-17T12:00Z", "k-1");
        h.Viewed("2025-02-18T20:00Z", "sku-2", EventChannel.App, "Zeta");
        h.Purchase("2025-02-20T18:00Z", 60m, EventChannel.Online, null, History.Item("sku-2", 30m, 2, "Zeta"));
        h.Returned("2025-02-25T12:00Z", 30m, "o-15", "sku-2");
        h.Viewed("2025-04-30T21:00Z", "sku-3", EventChannel.Online, "Acme");
        h.Purchase("2025-05-10T11:00Z", 45m, EventChannel.Online, null, History.Item("sku-3", 45m, 1, "Acme"));
        h.Feedback("2025-05-11T11:00Z", nps: 9);
        h.Consent("2025-06-01T09:00Z", "sms", null, true);
        h.Entered("2025-06-02T15:00Z", "s-2");
        h.Left("2025-06-02T15:30Z", "s-2");
        h.ComplaintOpened("2025-06-03T10:00Z", "k-2", "billing");
        h.ComplaintResolved("2025-06-03T10:00Z", "k-404");
        h.Viewed("2025-12-01T19:00Z", "sku-4", EventChannel.Online, "Bolt");
        h.Purchase("2025-12-15T16:00Z", 80m, EventChannel.Store, "s-1", History.Item("sku-4", 40m, 2, "Bolt", 20m));
        h.Purchase("2025-12-15T16:00Z", 15m, EventChannel.Store, "s-1", History.Item("sku-5", 15m, 1, "Acme"));
        h.Purchase("2026-01-20T16:00Z", 25m, EventChannel.App, null, History.Item("sku-6", 25m, 1, "Cirrus"));
        h.Consent("2026-01-21T09:00Z", "email", "marketing", false);
        h.ComplaintResolved("2026-01-22T09:00Z", "k-2");
        h.Identified("2026-01-23T09:00Z", "cookie-9");
        h.Feedback("2026-02-01T09:00Z", nps: 10, ces: 1, comment: "great");
        return h;
    }
}
