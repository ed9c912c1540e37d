using CustomerEngine.Host.Hosting;
using CustomerEngine.Host.Security;

if (args is ["hash-secret", var secret])
{
    Console.WriteLine(SecretHash.Create(secret));
    return;
}

var builder = WebApplication.CreateBuilder(HostArguments.For(args));
builder.AddCustomerEngine();

var app = builder.Build();
app.MapCustomerEngine();
app.Run();

/// <summary>The engine's entry point; public so functional tests can host it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
