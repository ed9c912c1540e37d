using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Customers;

/// <summary>Deletes one customer's entry, if there is one.</summary>
internal sealed class RemoveCustomerOperation(string customerId, CancellationToken cancellationToken) : WriteOperation<int>(cancellationToken)
{
    // Wrapped so that a delete of nothing still returns its one row: results pair with operations by position.
    private const string DeleteSql = """
        WITH deleted AS (DELETE FROM customers WHERE customer_id = $1 RETURNING 1)
        SELECT count(*)::integer FROM deleted
        """;

    public override NpgsqlBatchCommand CreateCommand() => new(DeleteSql) { Parameters = { new NpgsqlParameter<string> { TypedValue = customerId } } };

    public override async ValueTask ReadResultAsync(NpgsqlDataReader result)
    {
        await result.ReadAsync().ConfigureAwait(false);
        Succeed(result.GetInt32(0));
    }
}
