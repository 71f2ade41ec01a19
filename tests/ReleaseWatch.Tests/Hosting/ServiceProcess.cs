using System.Globalization;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Hosting;

/// <summary>The real executable (Functions build output), started standalone as a child process on a free loopback port.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly PeerProcess _process;

    private ServiceProcess(PeerProcess process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public string Output => _process.Output;

    /// <summary>Starts ReleaseWatch.dll of the same configuration (Debug/Release) as the tests, with settings as environment variables.</summary>
    public static Task<ServiceProcess> StartAsync(IDictionary<string, string> settings)
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>(settings)
        {
            ["ReleaseWatch__Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        };
        return StartAsync(environment, [], port);
    }

    /// <summary>Starts ReleaseWatch.dll with exactly these settings and arguments; ready once it listens on <paramref name="port"/>.</summary>
    public static async Task<ServiceProcess> StartAsync(IDictionary<string, string> settings, IReadOnlyList<string> arguments, int port)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        var dll = RepoPaths.Of("Functions", "bin", configuration, "net10.0", "ReleaseWatch.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        }

        var environment = new Dictionary<string, string>(settings) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        var process = PeerProcess.Start("ReleaseWatch", "dotnet", [dll, .. arguments], environment, RepoPaths.Of("Functions"));
        try
        {
            await process.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new ServiceProcess(process, port);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
