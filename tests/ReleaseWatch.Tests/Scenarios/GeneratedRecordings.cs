using ReleaseWatch.Backtest;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Scenarios;

namespace ReleaseWatch.Tests.Scenarios;

/// <summary>Generated recordings read back as the back-test reads any recording: from a JSON Lines file.</summary>
internal static class GeneratedRecordings
{
    public static async Task<Recording> ReadAsync(LabelledRecording scenario)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}");
        try
        {
            return await Recording.ReadAsync(await scenario.WriteAsync(folder, CancellationToken.None), CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The recording counted by the live classifier with the default rules, as the back-test counts it.</summary>
    public static async Task<RecordedSignals> CountAsync(LabelledRecording scenario)
    {
        var recording = await ReadAsync(scenario);
        return RecordedSignals.Classify(recording, SignalClassifier.For(recording.OrgId, []));
    }

    /// <summary>Per-minute counts of a signal over [from, to), zeros included.</summary>
    public static async Task<long[]> PerMinuteAsync(RecordedSignals signals, string orgId, string signal, DateTimeOffset from, DateTimeOffset to)
    {
        var window = await signals.ReadAsync(orgId, signal, from, to, CancellationToken.None);
        var minutes = (int)(to - from).TotalMinutes;
        return [.. Enumerable.Range(0, minutes).Select(m => window.CountsByMinute.GetValueOrDefault(from.AddMinutes(m)))];
    }
}
