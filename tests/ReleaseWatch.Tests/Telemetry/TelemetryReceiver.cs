using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Telemetry;

/// <summary>
/// An in-test ingestion endpoint on loopback (an OTLP/HTTP collector, or Application Insights' track endpoint):
/// records every POST with its path and body (gunzipped) and answers 200. Built on HttpListener, not ASP.NET Core,
/// so that its own requests are not traced and exported back to it.
/// </summary>
public sealed class TelemetryReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    private TelemetryReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public ConcurrentQueue<(string Path, byte[] Body)> Posts { get; } = new();

    public static TelemetryReceiver Start() => new();

    /// <summary>True when some post to <paramref name="path"/> contains <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
    public bool Received(string path, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Posts.Any(p => p.Path == path && p.Body.AsSpan().IndexOf(needle) >= 0);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            var input = context.Request.Headers["Content-Encoding"] == "gzip"
                ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress)
                : context.Request.InputStream;
            await input.CopyToAsync(body);
            Posts.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync("{\"itemsReceived\":0,\"itemsAccepted\":0,\"errors\":[]}"u8.ToArray());
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
