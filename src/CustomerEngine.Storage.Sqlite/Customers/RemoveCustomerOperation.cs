using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Customers;

/// <summary>Deletes one customer's entry, if there is one.</summary>
internal sealed class RemoveCustomerOperation(string customerId, CancellationToken cancellationToken) : WriteOperation<int>(cancellationToken)
{
    private const string DeleteSql = "DELETE FROM customers WHERE customer_id = $customer_id;";

    protected override int Apply(PreparedStatements statements)
    {
        var delete = statements.Get(DeleteSql, "$customer_id");
        delete.Parameters[0].Value = customerId;
        return delete.ExecuteNonQuery();
    }
}
