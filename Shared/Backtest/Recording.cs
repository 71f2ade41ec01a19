using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReleaseWatch.Judging;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Backtest;

/// <summary>
/// A recording in the recorder's JSON Lines format ({"receivedAt", "org", "message"} per line, design.md
/// "Recording format"), in the order received.
/// </summary>
internal sealed class Recording
{
    private Recording(string path, IReadOnlyList<RecordedMessage> messages)
    {
        Path = path;
        Messages = messages;
    }

    public string Path { get; }

    public IReadOnlyList<RecordedMessage> Messages { get; }

    public DateTimeOffset Start => Messages[0].ReceivedAt;

    public DateTimeOffset End => Messages[^1].ReceivedAt;

    /// <summary>The org of the first message: a recording holds one org (the recorder writes one file per process).</summary>
    public string OrgId => Messages[0].OrgId;

    /// <summary>
    /// Where the deployment is taken to have completed when none is given: once the recording covers the
    /// policy's whole baseline window, so the baseline is measured from recorded events.
    /// </summary>
    public DateTimeOffset DeploymentFor(Policy policy) => SignalKeys.MinuteStart(Start) + policy.BaselineWindow;

    /// <summary>Reads a recording; throws <see cref="InvalidDataException"/> naming the file and line of the first bad line.</summary>
    public static async Task<Recording> ReadAsync(string path, CancellationToken cancellationToken) =>
        Parse(path, await File.ReadAllLinesAsync(path, cancellationToken));

    /// <summary>A recording from its lines (an upload); <paramref name="name"/> is what errors call it.</summary>
    public static Recording Parse(string name, IEnumerable<string> lines)
    {
        var messages = new List<RecordedMessage>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            messages.Add(Parse(name, number, line));
        }

        if (messages.Count == 0)
        {
            throw new InvalidDataException($"{name} holds no recorded messages.");
        }

        messages.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
        return new Recording(name, messages);
    }

    private static RecordedMessage Parse(string path, int number, string line)
    {
        try
        {
            var node = JsonNode.Parse(Salesforce.Classification.LoneSurrogates.Repair(line)) as JsonObject;
            var receivedAt = node?["receivedAt"]?.GetValue<string>();
            var org = node?["org"]?.GetValue<string>();
            if (receivedAt is null || org is null || node!["message"] is not JsonObject message)
            {
                throw new InvalidDataException($"{path} line {number}: needs \"receivedAt\", \"org\" and \"message\".");
            }

            var at = DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            return new RecordedMessage(at, org, message);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} line {number}: {e.Message}", e);
        }
    }
}

/// <summary>One line of a recording: a Bayeux message as it was received for an org.</summary>
internal sealed record RecordedMessage(DateTimeOffset ReceivedAt, string OrgId, JsonObject Message);
