namespace CustomerEngine.Storage.Postgres.Schema;

/// <summary>One versioned script of <c>Migrations/</c>: <c>0002_due_scans_in_index_order.sql</c> is version 2.</summary>
/// <param name="Version">The number before the first underscore.</param>
/// <param name="Name">The file name without its extension.</param>
/// <param name="Sql">The script.</param>
internal sealed record Migration(int Version, string Name, string Sql);
