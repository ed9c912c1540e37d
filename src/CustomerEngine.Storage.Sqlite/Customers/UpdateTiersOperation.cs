using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Customers;

/// <summary>Sets the tier of indexed customers; a customer not in the index stays absent.</summary>
internal sealed class UpdateTiersOperation(IReadOnlyList<TierAssignment> tiers, CancellationToken cancellationToken) : WriteOperation<int>(cancellationToken)
{
    private const string UpdateSql = "UPDATE customers SET tier = $tier WHERE customer_id = $customer_id;";

    protected override int Apply(PreparedStatements statements)
    {
        var update = statements.Get(UpdateSql, "$tier", "$customer_id");
        var updated = 0;
        foreach (var assignment in tiers)
        {
            update.Parameters[0].Value = assignment.Tier;
            update.Parameters[1].Value = assignment.CustomerId;
            updated += update.ExecuteNonQuery();
        }

        return updated;
    }
}
