using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReleaseWatch.Tests.Peers;

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol (one page, a WebSocket, JSON commands): a person
/// looking at the dashboard. Started on a free debugging port with its own profile, stopped by its process id.
/// Every command has a deadline; a Chromium that cannot start fails the test.
/// </summary>
public sealed class ChromiumPeer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(30);
    private readonly PeerProcess _process;
    private readonly ClientWebSocket _socket;
    private readonly string _profile;
    private int _nextId;

    private ChromiumPeer(PeerProcess process, ClientWebSocket socket, string profile)
    {
        _process = process;
        _socket = socket;
        _profile = profile;
    }

    public static async Task<ChromiumPeer> StartAsync(int width = 1100, int height = 1600)
    {
        var profile = Directory.CreateTempSubdirectory("rw-chromium-").FullName;
        var port = FreePort.Next();
        var process = PeerProcess.Start("chromium", Executable,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-extensions", $"--window-size={width},{height}", $"--remote-debugging-port={port}", "--remote-debugging-address=127.0.0.1",
            $"--user-data-dir={profile}", "about:blank",
        ]);
        try
        {
            await process.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
            using var http = new HttpClient();
            var page = await Eventually.WaitForAsync(async () =>
            {
                var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
                return targets.FirstOrDefault(t => t!["type"]!.GetValue<string>() == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
            }, TimeSpan.FromSeconds(20), "Chromium's page target");
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(page), CancellationToken.None);
            var peer = new ChromiumPeer(process, socket, profile);
            await peer.SendAsync("Page.enable");
            await peer.SendAsync("Runtime.enable");
            return peer;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the URL and waits until its document has loaded.</summary>
    public async Task NavigateAsync(string url)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await Eventually.WaitUntilAsync(async () => await EvaluateAsync<string>("document.readyState") == "complete" && await EvaluateAsync<string>("location.href") == url,
            CommandDeadline, $"{url} to load");
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value.</summary>
    public async Task<T?> EvaluateAsync<T>(string expression)
    {
        var reply = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (reply["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"{expression}: {error.ToJsonString()}");
        }

        var value = reply["result"]?["value"];
        return value is null ? default : value.Deserialize<T>();
    }

    /// <summary>Chooses <paramref name="file"/> in the page's file input found by <paramref name="selector"/>, as a person picking it would.</summary>
    public async Task SetFileInputAsync(string selector, string file)
    {
        var document = await SendAsync("DOM.getDocument", new JsonObject { ["depth"] = 0 });
        var node = await SendAsync("DOM.querySelector", new JsonObject { ["nodeId"] = document["root"]!["nodeId"]!.GetValue<int>(), ["selector"] = selector });
        var nodeId = node["nodeId"]!.GetValue<int>();
        if (nodeId == 0)
        {
            throw new InvalidOperationException($"No element matches {selector}.");
        }

        await SendAsync("DOM.setFileInputFiles", new JsonObject { ["nodeId"] = nodeId, ["files"] = new JsonArray(file) });
    }

    /// <summary>A PNG of the whole page, written to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path)
    {
        // Just after a navigation the page may have no layout yet ("Cannot take screenshot with 0 width"): wait for a
        // laid-out page, then capture exactly its content size.
        var size = await Eventually.WaitForAsync(async () =>
        {
            var content = (await SendAsync("Page.getLayoutMetrics"))["cssContentSize"];
            var (w, h) = (content?["width"]?.GetValue<double>() ?? 0, content?["height"]?.GetValue<double>() ?? 0);
            return w >= 1 && h >= 1 ? new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = w, ["height"] = h, ["scale"] = 1 } : null;
        }, CommandDeadline, "a laid-out page to screenshot");
        var reply = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = size });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(reply["data"]!.GetValue<string>()));
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        using var deadline = new CancellationTokenSource(CommandDeadline);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, deadline.Token);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer, deadline.Token);
                frame.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var reply = JsonNode.Parse(frame.ToArray())!;
            if (reply["id"]?.GetValue<int>() != id)
            {
                continue; // an event, or a reply to an earlier command: not ours
            }

            return reply["error"] is { } error
                ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}")
                : reply["result"]!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the temp folder is left to the OS.
        }
    }
}
