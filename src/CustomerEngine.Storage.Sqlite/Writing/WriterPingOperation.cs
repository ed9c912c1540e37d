using CustomerEngine.Storage.Sqlite.Connections;

namespace CustomerEngine.Storage.Sqlite.Writing;

/// <summary>
/// Changes nothing: its completion proves the writer loop is running and can take the write lock
/// and commit.
/// </summary>
internal sealed class WriterPingOperation(CancellationToken cancellationToken) : WriteOperation<bool>(cancellationToken)
{
    protected override bool Apply(PreparedStatements statements) => true;
}
