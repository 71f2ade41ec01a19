using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReleaseWatch.Benchmarks.Watches;

/// <summary>Azurite's table service from tests/peers (npm ci first), in memory, on a free loopback port.</summary>
internal sealed class AzuriteProcess : IDisposable
{
    private readonly Process _process;

    private AzuriteProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static AzuriteProcess Start(string repoRoot)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var info = new ProcessStartInfo(Path.Combine(repoRoot, "tests", "peers", "node_modules", ".bin", "azurite-table"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--disableTelemetry", "--silent" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("azurite-table did not start (run: npm ci --prefix tests/peers)");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new AzuriteProcess(process, port);
            }
            catch (SocketException)
            {
                process.WaitForExit(50); // not a sleep: returns early if Azurite died
                if (process.HasExited)
                {
                    break;
                }
            }
        }

        process.Kill(true);
        throw new InvalidOperationException("azurite-table did not listen within 30 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
