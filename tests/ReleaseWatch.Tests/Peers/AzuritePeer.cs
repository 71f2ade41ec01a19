namespace ReleaseWatch.Tests.Peers;

/// <summary>
/// A real Azurite table service, in memory, on a free loopback port. Use as a class or collection
/// fixture; give each test its own table names or partitions (see <see cref="UniqueName"/>).
/// </summary>
public sealed class AzuritePeer : IAsyncLifetime
{
    private PeerProcess? _process;

    public int Port { get; private set; }

    /// <summary>The connection string for Azure.Data.Tables.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        Port = FreePort.Next();
        var azurite = Path.Combine(RepoPaths.NodeModules, ".bin", "azurite-table");
        _process = PeerProcess.Start("azurite-table", azurite,
        [
            "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck",
        ]);
        await _process.WaitForPortAsync(Port, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
