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
    private CustomerKind _kind;
    private LifecycleStage _stage;
    private ValueTier? _tier;
    private string? _homeStoreId;
    private string? _lastStoreId;
    private PriceSensitivity? _priceSensitivity;
    private BrandLoyalty? _loyalty;
    private ChannelPreference? _channel;
    private NpsCategory? _npsCategory;
    private int _openComplaints;
    private int _frequency;
    private decimal _monetary;
    private DateTimeOffset? _lastPurchaseAt;
    private DateTimeOffset? _lastSeenAt;
    private DateTimeOffset? _nextDueAt;
    private int _purchaseDays;
    private DateTimeOffset? _firstPurchaseAt;
    private decimal _repeatDaySpend;
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
            var filterColumnsChanged = !_projected
                || _name != summary.Name
                || _kind != summary.Kind
                || _stage != summary.Stage
                || _tier != summary.Tier
                || _homeStoreId != summary.HomeStoreId
                || _lastStoreId != summary.LastStoreId
                || _priceSensitivity != segments.PriceSensitivity
                || _loyalty != segments.Loyalty
                || _channel != segments.Channel
                || _npsCategory != summary.NpsCategory
                || _openComplaints != summary.OpenComplaints;
            _name = summary.Name;
            _kind = summary.Kind;
            _stage = summary.Stage;
            _tier = summary.Tier;
            _homeStoreId = summary.HomeStoreId;
            _lastStoreId = summary.LastStoreId;
            _priceSensitivity = segments.PriceSensitivity;
            _loyalty = segments.Loyalty;
            _channel = segments.Channel;
            _npsCategory = summary.NpsCategory;
            _openComplaints = summary.OpenComplaints;
            _frequency = rfm.Frequency;
            _monetary = rfm.Monetary;
            _lastPurchaseAt = rfm.LastPurchaseAt;
            _lastSeenAt = summary.LastSeenAt;
            _nextDueAt = nextDueAt;
            _purchaseDays = stats.PurchaseDays;
            _firstPurchaseAt = stats.FirstPurchaseAt;
            _repeatDaySpend = stats.RepeatDaySpend;
            _projected = true;
            return filterColumnsChanged;
        }
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

    private CustomerIndexEntry Entry() => new(
        CustomerId,
        _name,
        ApiName.Of(_kind),
        ApiName.Of(_stage),
        ApiName.OfNullable(_tier),
        _homeStoreId,
        _lastStoreId,
        ApiName.OfNullable(_priceSensitivity),
        ApiName.OfNullable(_loyalty),
        ApiName.OfNullable(_channel),
        ApiName.OfNullable(_npsCategory),
        _openComplaints,
        _frequency,
        _monetary,
        _lastPurchaseAt,
        _lastSeenAt,
        _nextDueAt,
        _purchaseDays,
        _firstPurchaseAt,
        _repeatDaySpend);
}
