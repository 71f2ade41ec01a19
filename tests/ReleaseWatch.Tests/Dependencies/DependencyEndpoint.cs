using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Dependencies;

/// <summary>
/// An in-test external service on loopback: GET /health answers <see cref="Status"/>. With a fake clock, each request
/// moves it on by <see cref="Delay"/> before answering, so the prober measures exactly that latency (and a delay past
/// the timeout is a probe with no answer in time); with no clock it really waits.
/// </summary>
public sealed class DependencyEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private DependencyEndpoint(FakeTimeProvider? time)
    {
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.MapGet("/health", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _requests);
            if (time is not null)
            {
                time.Advance(Delay);
            }
            else if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, context.RequestAborted);
            }

            return Results.StatusCode(Status);
        });
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/health");

    public int Status { get; set; } = StatusCodes.Status200OK;

    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(100);

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<DependencyEndpoint> StartAsync(FakeTimeProvider? time = null)
    {
        var endpoint = new DependencyEndpoint(time);
        await endpoint._app.StartAsync();
        return endpoint;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
