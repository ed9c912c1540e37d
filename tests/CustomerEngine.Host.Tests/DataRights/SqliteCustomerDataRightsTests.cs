using System.Text;
using CustomerEngine.Host.Scenarios.DataRights;
using CustomerEngine.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerEngine.Host.Tests.DataRights;

/// <summary>Runs the data-rights scenarios on the engine over SQLite, on a fresh file per test.</summary>
public sealed class SqliteCustomerDataRightsTests : CustomerDataRightsScenarios
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "ce-tests", Guid.NewGuid().ToString("N"), "engine.db");

    /// <inheritdoc />
    protected override Task CreateStorageAsync() => Task.CompletedTask;

    /// <inheritdoc />
    protected override WebApplicationFactory<Program> CreateEngine() => new EngineFactory(_path);

    /// <inheritdoc />
    protected override async Task<bool> StorageHoldsAsync(string text)
    {
        // Every file of the store, raw: the database, and the write-ahead log if one was left behind.
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!))
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file);
            }
            catch (FileNotFoundException)
            {
                // The last connection to close removes the write-ahead log, and may do so after
                // the folder was listed: a file that is gone holds nothing.
                continue;
            }

            if (bytes.AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    protected override Task DeleteStorageAsync()
    {
        EngineFactory.DeleteDatabase(_path);
        return Task.CompletedTask;
    }
}
