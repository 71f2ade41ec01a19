using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>
/// An HTTP endpoint on a free loopback port standing in for ReleaseWatch's intake (or an Event Grid topic):
/// records every POST and answers with the next scripted status (then 202).
/// </summary>
public sealed class DeploymentReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses;

    private DeploymentReceiver(WebApplication app, ConcurrentQueue<int> statuses, int port)
    {
        _app = app;
        _statuses = statuses;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static async Task<DeploymentReceiver> StartAsync(params int[] statuses)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new DeploymentReceiver(app, new ConcurrentQueue<int>(statuses), port);
        app.MapPost("/{**path}", receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        Requests.Enqueue(new ReceivedRequest(request.Path, headers, body.ToArray()));
        var status = _statuses.TryDequeue(out var next) ? next : StatusCodes.Status202Accepted;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            request.HttpContext.Response.Headers.RetryAfter = "0";
        }

        return Results.StatusCode(status);
    }
}
