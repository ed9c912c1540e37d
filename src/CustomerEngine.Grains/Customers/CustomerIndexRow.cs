using System.Runtime.CompilerServices;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;
using CustomerEngine.Storage.Customers;

namespace CustomerEngine.Grains.Customers;

/// <summary>
/// One customer's row in the customer index, owned by its grain and updated in place. A row may
/// wait in <see cref="CustomerIndexWriter"/> for seconds; a fresh row per event would outlive
/// the young generation and be copied by every collection on the way, while this one is made
/// once per activation and holds only values and shared strings. Updates and the writer's read
/// lock the row itself (a lock object per row would cost a million customers 40 MB), so a
/// written row is never half of one update; nothing else may lock it.
/// </summary>
public sealed class CustomerIndexRow(string customerId)
{
    private string? _name;
    private string? _homeStoreId;
    private string? _lastStoreId;
    private decimal _monetary;
    private decimal _repeatDaySpend;
    private OptionalTime _lastPurchaseAt;
    private OptionalTime _lastSeenAt;
    private OptionalTime _nextDueAt;
    private OptionalTime _firstPurchaseAt;
    private int _openComplaints;
    private int _frequency;
    private int _purchaseDays;

    // Enumerated values as a byte each, 0 for none and the value plus one otherwise: a nullable
    // enum takes eight bytes, and every active customer holds a row.
    private byte _kind;
    private byte _stage;
    private byte _tier;
    private byte _priceSensitivity;
    private byte _loyalty;
    private byte _channel;
    private byte _npsCategory;
    private bool _projected;

    // The writer's bookkeeping, guarded by the same lock.
    private bool _queued;
    private long _queuedAt;
    private bool _urgent;

    /// <summary>The customer the row describes.</summary>
    public string CustomerId { get; } = customerId;

    /// <summary>
    /// Projects <paramref name="customer"/>, whose summary as of now the caller already made, onto
    /// the row. Returns true when a column that lists filter on or show as a label changed (or on
    /// the first projection), so the caller can have it written at the next flush.
    /// </summary>
    public bool Update(CustomerState customer, CustomerSummary summary, CustomerRules rules, CustomerValueModel? model)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(summary);
        var rfm = CustomerViews.RfmInputOf(customer);
        var stats = customer.Stats;
        var nextDueAt = CustomerEvolver.NextDueAt(customer, rules, model);
        var segments = summary.Segments;
        lock (this)
        {
            var kind = Code<CustomerKind>(summary.Kind);
            var stage = Code<LifecycleStage>(summary.Stage);
            var tier = Code(summary.Tier);
            var priceSensitivity = Code(segments.PriceSensitivity);
            var loyalty = Code(segments.Loyalty);
            var channel = Code(segments.Channel);
            var npsCategory = Code(summary.NpsCategory);
            var filterColumnsChanged = !_projected
                || _name != summary.Name
                || _kind != kind
                || _stage != stage
                || _tier != tier
                || _homeStoreId != summary.HomeStoreId
                || _lastStoreId != summary.LastStoreId
                || _priceSensitivity != priceSensitivity
                || _loyalty != loyalty
                || _channel != channel
                || _npsCategory != npsCategory
                || _openComplaints != summary.OpenComplaints;
            _name = summary.Name;
            _kind = kind;
            _stage = stage;
            _tier = tier;
            _homeStoreId = summary.HomeStoreId;
            _lastStoreId = summary.LastStoreId;
            _priceSensitivity = priceSensitivity;
            _loyalty = loyalty;
            _channel = channel;
            _npsCategory = npsCategory;
            _openComplaints = summary.OpenComplaints;
            _frequency = rfm.Frequency;
            _monetary = rfm.Monetary;
            _lastPurchaseAt = new(rfm.LastPurchaseAt);
            _lastSeenAt = new(summary.LastSeenAt);
            _nextDueAt = new(nextDueAt);
            _purchaseDays = stats.PurchaseDays;
            _firstPurchaseAt = new(stats.FirstPurchaseAt);
            _repeatDaySpend = stats.RepeatDaySpend;
            _projected = true;
            return filterColumnsChanged;
        }
    }

    /// <summary>
    /// The summary an index entry holds, as the grain made it when it projected the row; null when
    /// its kind or stage is a name this version does not have.
    /// </summary>
    public static CustomerSummary? SummaryOf(CustomerIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (ApiName.ValueOf<CustomerKind>(entry.Kind) is not { } kind || ApiName.ValueOf<LifecycleStage>(entry.Stage) is not { } stage)
        {
            return null;
        }

        return new CustomerSummary(
            entry.CustomerId,
            entry.Name,
            kind,
            stage,
            ApiName.ValueOf<ValueTier>(entry.Tier),
            entry.HomeStoreId,
            entry.LastStoreId,
            new CustomerSegments(
                ApiName.ValueOf<PriceSensitivity>(entry.PriceSensitivity),
                ApiName.ValueOf<BrandLoyalty>(entry.Loyalty),
                ApiName.ValueOf<ChannelPreference>(entry.ChannelPreference)),
            ApiName.ValueOf<NpsCategory>(entry.NpsCategory),
            entry.OpenComplaints,
            entry.LastSeenAt);
    }

    /// <summary>The row as the index stores it, enumerated values as their API names.</summary>
    public CustomerIndexEntry ToEntry()
    {
        lock (this)
        {
            return Entry();
        }
    }

    // Marks the row waiting for the writer; the first mark since the last write sets its queue time.
    internal void MarkQueued(bool urgent, long now)
    {
        lock (this)
        {
            if (!_queued)
            {
                _queued = true;
                _queuedAt = now;
            }

            _urgent |= urgent;
        }
    }

    internal bool IsDue(long dueBefore)
    {
        lock (this)
        {
            return _urgent || !_queued || _queuedAt <= dueBefore;
        }
    }

    // Takes what the writer writes and clears the marks, as one step against concurrent updates.
    internal CustomerIndexEntry TakeForWrite()
    {
        lock (this)
        {
            _queued = false;
            _urgent = false;
            return Entry();
        }
    }

    private CustomerIndexEntry Entry()
    {
        if (!_projected)
        {
            throw new InvalidOperationException($"The index row of {CustomerId} has not been projected yet.");
        }

        return new(
            CustomerId,
            _name,
            ApiName.Of(Value<CustomerKind>(_kind)!.Value),
            ApiName.Of(Value<LifecycleStage>(_stage)!.Value),
            ApiName.OfNullable(Value<ValueTier>(_tier)),
            _homeStoreId,
            _lastStoreId,
            ApiName.OfNullable(Value<PriceSensitivity>(_priceSensitivity)),
            ApiName.OfNullable(Value<BrandLoyalty>(_loyalty)),
            ApiName.OfNullable(Value<ChannelPreference>(_channel)),
            ApiName.OfNullable(Value<NpsCategory>(_npsCategory)),
            _openComplaints,
            _frequency,
            _monetary,
            _lastPurchaseAt.Value,
            _lastSeenAt.Value,
            _nextDueAt.Value,
            _purchaseDays,
            _firstPurchaseAt.Value,
            _repeatDaySpend);
    }

    // The engine's enums are int-based; reinterpreting the value avoids boxing it on every event.
    private static byte Code<TEnum>(TEnum? value) where TEnum : struct, Enum
    {
        if (Unsafe.SizeOf<TEnum>() != sizeof(int))
        {
            throw new NotSupportedException($"{typeof(TEnum).Name} is not int-based.");
        }

        if (value is not { } known)
        {
            return 0;
        }

        return checked((byte)(Unsafe.As<TEnum, int>(ref known) + 1));
    }

    private static TEnum? Value<TEnum>(byte code) where TEnum : struct, Enum
    {
        if (code == 0)
        {
            return null;
        }

        var value = code - 1;
        return Unsafe.As<int, TEnum>(ref value);
    }
}
