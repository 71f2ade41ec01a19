using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Appends every received Bayeux message to a JSON Lines file when ReleaseWatch:SignalCapture:RecordPath is
/// set: {"receivedAt", "org", "message"} per line, the format the back-test replays.
/// </summary>
internal sealed class SignalMessageRecorder(IOptions<SignalCaptureOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private StreamWriter? _writer;

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.RecordPath);

    public async Task RecordAsync(string orgId, IReadOnlyList<JsonObject> messages, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (!Enabled || messages.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _writer ??= new StreamWriter(new FileStream(options.Value.RecordPath!, FileMode.Append, FileAccess.Write, FileShare.Read));
            foreach (var message in messages)
            {
                var line = new JsonObject
                {
                    ["receivedAt"] = receivedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                    ["org"] = orgId,
                    ["message"] = message.DeepClone(),
                };
                await _writer.WriteLineAsync(line.ToJsonString().AsMemory(), cancellationToken);
            }

            await _writer.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _gate.Dispose();
    }
}
