using Microsoft.AspNetCore.Builder;

namespace ReleaseWatch.Benchmarks.Capture;

/// <summary>The benchmark's token endpoint (client credentials, no checks: the token tests check those).</summary>
internal sealed record TokenServer(WebApplication App, int Port) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => App.DisposeAsync();
}
