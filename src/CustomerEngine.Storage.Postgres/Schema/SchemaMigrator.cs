using System.Globalization;
using System.Reflection;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Schema;

/// <summary>
/// Brings a database to a schema version by running the embedded scripts of <c>Migrations/</c> it
/// has not run yet, each recorded in <c>schema_migrations</c>.
/// </summary>
/// <remarks>
/// Everything happens in one transaction that first takes an advisory lock: nodes starting
/// together wait for each other, and the second finds the work done. A failed script leaves the
/// database exactly as it was. A database migrated by a newer build is refused rather than misread.
/// </remarks>
internal static class SchemaMigrator
{
    private const string ResourcePrefix = "Migrations/";

    private const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    /// <summary>Every script shipped with this build, in version order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    /// <summary>The version this build writes and reads.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Runs the missing scripts up to <paramref name="targetVersion"/>; returns the versions it ran.</summary>
    /// <exception cref="InvalidOperationException">The database has a version this build does not know.</exception>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, int targetVersion, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Before anything else, even the history table: two nodes creating it at once would collide.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, AdvisoryLocks.SchemaMigration).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, CreateHistorySql, cancellationToken).ConfigureAwait(false);

        var applied = await ReadAppliedVersionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var unknown = applied.Where(version => Migrations.All(migration => migration.Version != version)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database {connection.Database} has schema version {unknown.Max()}, written by a newer build of the engine; " +
                $"this build knows versions up to {LatestVersion}. Run a build at least as new as the one that migrated it.");
        }

        var ran = new List<int>();
        foreach (var migration in Migrations.Where(migration => migration.Version <= targetVersion && !applied.Contains(migration.Version)))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", cancellationToken, migration.Version, migration.Name)
                .ConfigureAwait(false);
            ran.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ran;
    }

    private static async Task<HashSet<int>> ReadAppliedVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand("SELECT version FROM schema_migrations", connection, transaction);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(migration => migration.Version)
            .ToList();

        // A gap or a repeated number is a packaging mistake; finding it here beats running half a history.
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts must be numbered 1, 2, 3… without gaps; found {string.Join(", ", migrations.Select(m => m.Name))}.");
            }
        }

        return migrations;
    }

    private static Migration Load(Assembly assembly, string resourceName)
    {
        var name = resourceName[ResourcePrefix.Length..^".sql".Length];
        var number = name.Split('_', 2)[0];
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration script {resourceName} does not start with its version number (e.g. 0003_name.sql).");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }
}
