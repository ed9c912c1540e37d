namespace CustomerEngine.Storage.Postgres.Tests.Support;

/// <summary>
/// Every test class that uses the <see cref="PostgresServer"/> belongs to this collection, whose
/// fixture starts the server before the first test and stops and deletes it after the last.
/// xunit 2 has no hook at the end of an assembly; a collection fixture is disposed reliably.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerLifetime>
{
    public const string Name = "PostgreSQL server";
}
