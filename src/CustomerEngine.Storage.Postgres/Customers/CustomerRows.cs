using CustomerEngine.Storage.Customers;
using Npgsql;
using NpgsqlTypes;

namespace CustomerEngine.Storage.Postgres.Customers;

/// <summary>Index entries laid out as one array per column, the parameters of <see cref="CustomerColumns.UnnestedRows"/>.</summary>
internal sealed class CustomerRows
{
    private readonly string[] _customerIds;
    private readonly string?[] _names;
    private readonly string[] _kinds;
    private readonly string[] _stages;
    private readonly string?[] _tiers;
    private readonly string?[] _homeStoreIds;
    private readonly string?[] _lastStoreIds;
    private readonly string?[] _priceSensitivities;
    private readonly string?[] _loyalties;
    private readonly string?[] _channelPreferences;
    private readonly string?[] _npsCategories;
    private readonly int[] _openComplaints;
    private readonly int[] _frequencies;
    private readonly decimal[] _monetary;
    private readonly DateTime?[] _lastPurchaseAt;
    private readonly DateTime?[] _lastSeenAt;
    private readonly DateTime?[] _nextDueAt;
    private readonly int?[] _purchaseDays;
    private readonly DateTime?[] _firstPurchaseAt;
    private readonly decimal[] _repeatDaySpend;

    public CustomerRows(IReadOnlyList<CustomerIndexEntry> entries)
    {
        Count = entries.Count;
        _customerIds = [.. entries.Select(e => e.CustomerId)];
        _names = [.. entries.Select(e => e.Name)];
        _kinds = [.. entries.Select(e => e.Kind)];
        _stages = [.. entries.Select(e => e.Stage)];
        _tiers = [.. entries.Select(e => e.Tier)];
        _homeStoreIds = [.. entries.Select(e => e.HomeStoreId)];
        _lastStoreIds = [.. entries.Select(e => e.LastStoreId)];
        _priceSensitivities = [.. entries.Select(e => e.PriceSensitivity)];
        _loyalties = [.. entries.Select(e => e.Loyalty)];
        _channelPreferences = [.. entries.Select(e => e.ChannelPreference)];
        _npsCategories = [.. entries.Select(e => e.NpsCategory)];
        _openComplaints = [.. entries.Select(e => e.OpenComplaints)];
        _frequencies = [.. entries.Select(e => e.Frequency)];
        _monetary = [.. entries.Select(e => e.Monetary)];
        _lastPurchaseAt = [.. entries.Select(e => Utc(e.LastPurchaseAt))];
        _lastSeenAt = [.. entries.Select(e => Utc(e.LastSeenAt))];
        _nextDueAt = [.. entries.Select(e => Utc(e.NextDueAt))];
        _purchaseDays = [.. entries.Select(e => e.PurchaseDays)];
        _firstPurchaseAt = [.. entries.Select(e => Utc(e.FirstPurchaseAt))];
        _repeatDaySpend = [.. entries.Select(e => e.RepeatDaySpend)];
    }

    public int Count { get; }

    /// <summary>Adds the twenty array parameters, $1 to $20.</summary>
    public void AddParameters(NpgsqlParameterCollection parameters)
    {
        parameters.Add(Text(_customerIds));
        parameters.Add(Text(_names));
        parameters.Add(Text(_kinds));
        parameters.Add(Text(_stages));
        parameters.Add(Text(_tiers));
        parameters.Add(Text(_homeStoreIds));
        parameters.Add(Text(_lastStoreIds));
        parameters.Add(Text(_priceSensitivities));
        parameters.Add(Text(_loyalties));
        parameters.Add(Text(_channelPreferences));
        parameters.Add(Text(_npsCategories));
        parameters.Add(new NpgsqlParameter<int[]> { TypedValue = _openComplaints });
        parameters.Add(new NpgsqlParameter<int[]> { TypedValue = _frequencies });
        parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = _monetary, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
        parameters.Add(Instants(_lastPurchaseAt));
        parameters.Add(Instants(_lastSeenAt));
        parameters.Add(Instants(_nextDueAt));
        parameters.Add(new NpgsqlParameter<int?[]> { TypedValue = _purchaseDays, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        parameters.Add(Instants(_firstPurchaseAt));
        parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = _repeatDaySpend, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
    }

    // Index instants are summaries and schedules: PostgreSQL keeps them to the microsecond, in UTC.
    private static DateTime? Utc(DateTimeOffset? instant) => instant?.UtcDateTime;

    private static NpgsqlParameter<string?[]> Text(string?[] values) => new() { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter<DateTime?[]> Instants(DateTime?[] values) => new() { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };
}
