using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Alerts;

/// <summary>An in-test Teams Workflows webhook on loopback: records each post, and can answer 429 first.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _throttlesLeft;

    private WebhookReceiver(int throttles, int retryAfterSeconds)
    {
        _throttlesLeft = throttles;
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.MapPost("/workflows/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            Posts.Enqueue((Stopwatch.GetTimestamp(), await reader.ReadToEndAsync()));
            if (Interlocked.Decrement(ref _throttlesLeft) >= 0)
            {
                request.HttpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            return Results.Accepted();
        });
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/workflows/hook");

    public ConcurrentQueue<(long At, string Body)> Posts { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(int throttles = 0, int retryAfterSeconds = 0)
    {
        var receiver = new WebhookReceiver(throttles, retryAfterSeconds);
        await receiver._app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
