using CustomerEngine.Storage.Conformance.Customers;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Sqlite.Schema;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Schema;

/// <summary>Files written by an older build open in this one with their data intact.</summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    // The customers table exactly as schema version 1 created it; the other tables did not change.
    private const string Version1Customers = """
        DROP TABLE customers;
        CREATE TABLE customers (
            customer_id        TEXT    NOT NULL PRIMARY KEY,
            name               TEXT,
            kind               TEXT    NOT NULL,
            stage              TEXT    NOT NULL,
            tier               TEXT,
            home_store_id      TEXT,
            last_store_id      TEXT,
            price_sensitivity  TEXT,
            loyalty            TEXT,
            channel_preference TEXT,
            nps_category       TEXT,
            open_complaints    INTEGER NOT NULL,
            frequency          INTEGER NOT NULL,
            monetary           TEXT    NOT NULL,
            last_purchase_at   INTEGER,
            last_seen_at       INTEGER,
            next_due_at        INTEGER
        ) WITHOUT ROWID;
        INSERT INTO customers VALUES ('v1-buyer', 'Old Row', 'individual', 'active', 'high', 's1', 's2', NULL, NULL, NULL, NULL,
                                      0, 4, '120.50', 1735689600000, 1735776000000, 1740873600000);
        PRAGMA user_version = 1;
        """;

    private static readonly CustomerQuery Everyone = new(null, null, null, null, 1, 100);
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_version_1_file_is_upgraded_and_its_rows_say_their_value_model_inputs_are_not_known()
    {
        await (await _database.OpenStoreAsync()).DisposeAsync();
        using (var connection = _database.OpenConnection())
        {
            using var create = connection.CreateCommand();
            create.CommandText = Version1Customers;
            create.ExecuteNonQuery();
        }

        await using (var store = await _database.OpenStoreAsync())
        {
            var old = Assert.Single((await store.QueryAsync(Everyone)).Items);
            Assert.Equal(("v1-buyer", 4, 120.50m, "high"), (old.CustomerId, old.Frequency, old.Monetary, old.Tier));
            Assert.Null(old.PurchaseDays);
            Assert.Null(old.FirstPurchaseAt);

            var rows = new List<ValueInputRow>();
            await foreach (var row in store.ReadValueInputsAsync())
            {
                rows.Add(row);
            }

            Assert.Null(Assert.Single(rows).PurchaseDays);

            // New rows keep the inputs in the added columns.
            var fresh = SampleCustomers.Active("v2-buyer");
            await store.UpsertAsync([fresh]);
            Assert.Equal(fresh, (await store.QueryAsync(Everyone with { Page = 1 })).Items.Single(c => c.CustomerId == "v2-buyer"));
        }

        using var check = _database.OpenConnection();
        Assert.Equal((long)DatabaseSchema.CurrentVersion, SqlStatement.Execute(check, "PRAGMA user_version;"));
    }
}
