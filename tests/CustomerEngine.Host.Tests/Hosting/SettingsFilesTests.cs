using CustomerEngine.Host.Hosting;
using CustomerEngine.Host.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Host.Tests.Hosting;

public sealed class SettingsFilesTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public void The_host_reads_its_settings_files_once_and_watches_no_folder_the_store_writes_to()
    {
        var configuration = (IConfigurationRoot)engine.Factory.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file.Source.Path} is watched for changes"));
    }

    [Fact]
    public void An_operator_who_wants_settings_reloaded_can_still_ask_for_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(HostArguments.For(["--hostBuilder:reloadConfigOnChange=true", "--demo"]))
            .Build();

        Assert.Equal("true", configuration["hostBuilder:reloadConfigOnChange"]);
        Assert.Equal("true", configuration["Demo:Enabled"]);
    }
}
