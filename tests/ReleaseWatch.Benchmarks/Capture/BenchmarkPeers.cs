using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Salesforce;

namespace ReleaseWatch.Benchmarks.Capture;

/// <summary>Azurite and the Faye Salesforce test server, started as the tests start them (free loopback ports).</summary>
internal sealed class BenchmarkPeers : IAsyncDisposable
{
    private readonly AzuritePeer _azurite = new();
    private readonly SalesforcePeer _streaming = new();

    public int StreamingPort => _streaming.Port;

    public string StorageConnectionString => _azurite.ConnectionString;

    public async Task StartAsync()
    {
        await _azurite.InitializeAsync();
        await _streaming.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _streaming.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
