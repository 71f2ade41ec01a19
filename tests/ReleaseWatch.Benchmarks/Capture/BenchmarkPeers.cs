using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReleaseWatch.Benchmarks.Capture;

/// <summary>Starts Azurite and the Faye Salesforce test server from tests/peers on free loopback ports.</summary>
internal sealed class BenchmarkPeers : IDisposable
{
    private readonly List<Process> _processes = [];

    public int AzuritePort { get; } = FreePort();

    public int StreamingPort { get; } = FreePort();

    public string StorageConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{AzuritePort}/devstoreaccount1;";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        var root = FindRoot();
        var peers = Path.Combine(root, "tests", "peers");
        Start(Path.Combine(peers, "node_modules", ".bin", "azurite-table"), "--tableHost", "127.0.0.1", "--tablePort", AzuritePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck");
        Start("node", Path.Combine(peers, "salesforce", "server.js"), "--port", StreamingPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WaitForPortAsync(AzuritePort);
        await WaitForPortAsync(StreamingPort);
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }

    private void Start(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static async Task WaitForPortAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Nothing listens on 127.0.0.1:{port}.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReleaseWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ReleaseWatch.sln not found above the benchmark.");
    }
}
