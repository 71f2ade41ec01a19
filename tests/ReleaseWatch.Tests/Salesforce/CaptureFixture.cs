namespace ReleaseWatch.Tests.Salesforce;

/// <summary>A fresh streaming peer (its own event log) and token endpoint for one test.</summary>
public sealed class CaptureFixture : IAsyncLifetime, IAsyncDisposable
{
    public SalesforcePeer Streaming { get; } = new();

    public TokenEndpoint Tokens { get; private set; } = null!;

    public static string NewOrgId() => "00D" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();

    /// <summary>Started peers for one test, to dispose with <c>await using</c>.</summary>
    public static async Task<CaptureFixture> StartAsync()
    {
        var peers = new CaptureFixture();
        await peers.InitializeAsync();
        return peers;
    }

    public async Task InitializeAsync()
    {
        await Streaming.InitializeAsync();
        Tokens = await TokenEndpoint.StartAsync(Streaming);
    }

    public async Task DisposeAsync()
    {
        await Tokens.DisposeAsync();
        await Streaming.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
