using CustomerEngine.Host.Security;

namespace CustomerEngine.LoadTests.Hosting;

/// <summary>
/// The settings the tool gives an engine it starts itself, in this process or in its own: a
/// fresh SQLite file in <paramref name="Folder"/> (or a PostgreSQL database), quiet logs, and a
/// throwaway operator and admin key, because a production engine refuses to start without users.
/// </summary>
public sealed record EngineSettings(string Folder, string ApiKey, IReadOnlyDictionary<string, string> Values)
{
    public static EngineSettings Create(string storage, string? connection)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ce-load", Guid.NewGuid().ToString("N"));
        var apiKey = $"load-{Guid.NewGuid():N}";
        var values = new Dictionary<string, string>
        {
            // Through configuration: the host's appsettings set the default level, and a rule from
            // configuration outranks SetMinimumLevel. Start-up notes would only clutter the progress lines.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:Path"] = Path.Combine(folder, "engine.db"),
            ["Security:ApiKeys:0:Name"] = "load-tool",
            ["Security:ApiKeys:0:KeyHash"] = SecretHash.Create(apiKey, iterations: 1_000),
            ["Security:ApiKeys:0:Role"] = EngineClaims.Admin,
            ["Security:Users:0:UserName"] = "load-operator",
            ["Security:Users:0:PasswordHash"] = SecretHash.Create(Guid.NewGuid().ToString("N"), iterations: 1_000),
            ["Security:Users:0:Roles:0"] = EngineClaims.Admin,
        };
        if (storage == "postgres")
        {
            values["Storage:Provider"] = "Postgres";
            values["ConnectionStrings:Engine"] = connection!;
        }

        return new EngineSettings(folder, apiKey, values);
    }

    public void DeleteFolder()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
