using System.Text.Json.Nodes;
using ReleaseWatch.Scenarios;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Scenarios;

/// <summary>The scenario generator models traffic: these check the model, never a judge.</summary>
public sealed class ScenarioGeneratorTests
{
    private const int Seed = 20261123;

    public static TheoryData<string> Types => [.. ScenarioCatalog.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Every_type_is_one_orgs_recording_over_the_baseline_and_the_watch_with_replay_ids_rising_per_channel(string type)
    {
        var scenario = ScenarioGenerator.Generate(ScenarioCatalog.Get(type), Seed);
        var label = scenario.Label;

        var recording = await GeneratedRecordings.ReadAsync(scenario);

        Assert.All(recording.Messages, m => Assert.Equal(label.OrgId, m.OrgId));
        Assert.True(recording.Start <= SignalKeys.MinuteStart(label.DeployedAt).AddMinutes(-60), $"starts {recording.Start:O}, deployed {label.DeployedAt:O}");
        Assert.True(recording.End >= label.DeployedAt.AddMinutes(60), $"ends {recording.End:O}, deployed {label.DeployedAt:O}");
        Assert.Equal(label.IsIncident, label.Incident is not null);
        var lastReplayId = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in scenario.Lines)
        {
            var message = JsonNode.Parse(line)!["message"]!;
            var channel = message["channel"]!.GetValue<string>();
            var replayId = message["data"]!["event"]!["replayId"]!.GetValue<long>();
            Assert.True(replayId > lastReplayId.GetValueOrDefault(channel), $"{channel}: replay id {replayId} after {lastReplayId.GetValueOrDefault(channel)}");
            lastReplayId[channel] = replayId;
            var payload = message["data"]!["payload"]!;
            Assert.True(payload["CreatedDate"] is not null || payload["ChangeEventHeader"]?["commitTimestamp"] is not null, line);
        }

        Assert.Contains(NebulaLogEntriesChannel, lastReplayId.Keys);
        Assert.Contains(lastReplayId.Keys, c => c.StartsWith("/data/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_type_and_seed_give_the_same_recording_and_another_seed_another()
    {
        var type = ScenarioCatalog.Get("quiet-org");

        var first = ScenarioGenerator.Generate(type, Seed);
        var again = ScenarioGenerator.Generate(type, Seed);
        var other = ScenarioGenerator.Generate(type, Seed + 1);

        Assert.Equal(first.Lines, again.Lines);
        Assert.Equal(first.Label.ToJson(), again.Label.ToJson());
        Assert.NotEqual(first.Label.OrgId, other.Label.OrgId);
    }

    [Fact]
    public void Deployments_land_at_any_second_of_a_minute()
    {
        var seconds = Enumerable.Range(0, 12).Select(i => ScenarioGenerator.Generate(ScenarioCatalog.Get("quiet-org"), Seed + i).Label.DeployedAt.Second).Distinct();

        Assert.True(seconds.Count() >= 8, string.Join(",", seconds));
    }

    [Fact]
    public async Task A_quiet_org_has_fewer_than_20_errors_in_its_baseline_hour()
    {
        foreach (var seed in Enumerable.Range(Seed, 5))
        {
            var scenario = ScenarioGenerator.Generate(ScenarioCatalog.Get("quiet-org"), seed);
            var signals = await GeneratedRecordings.CountAsync(scenario);

            var baseline = await Baseline(signals, scenario, "apex.error");

            Assert.True(baseline.Sum() < 20, $"seed {seed}: {baseline.Sum()} errors");
        }
    }

    [Fact]
    public async Task Bursty_noise_is_overdispersed_before_and_after_the_deployment()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioCatalog.Get("bursty-noise"), Seed);
        var signals = await GeneratedRecordings.CountAsync(scenario);

        var before = await Baseline(signals, scenario, "apex.error");
        var after = await GeneratedRecordings.PerMinuteAsync(signals, scenario.Label.OrgId, "apex.error",
            SignalKeys.MinuteStart(scenario.Label.DeployedAt).AddMinutes(3), SignalKeys.MinuteStart(scenario.Label.DeployedAt).AddMinutes(60));

        Assert.True(Dispersion(before) > 2, $"baseline variance/mean {Dispersion(before):0.00}");
        Assert.True(Dispersion(after) > 2, $"watch variance/mean {Dispersion(after):0.00}");
    }

    [Fact]
    public async Task A_silent_log_stream_delivers_nothing_after_its_onset_while_change_events_go_on()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioCatalog.Get("silent-log-stream"), Seed);
        var onset = scenario.Label.Incident!.StartsAt;

        var recording = await GeneratedRecordings.ReadAsync(scenario);

        var logs = recording.Messages.Where(m => m.Message["channel"]!.GetValue<string>() == NebulaLogEntriesChannel).ToList();
        Assert.NotEmpty(logs);
        Assert.All(logs, m => Assert.True(m.ReceivedAt < onset.AddSeconds(31), $"log received at {m.ReceivedAt:O}, silent from {onset:O}"));
        Assert.Contains(recording.Messages, m => m.ReceivedAt > onset.AddMinutes(55) && m.Message["channel"]!.GetValue<string>().StartsWith("/data/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_business_drop_to_zero_creates_no_records_of_its_object_after_the_onset()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioCatalog.Get("business-drop-to-zero"), Seed);
        var incident = scenario.Label.Incident!;
        var signals = await GeneratedRecordings.CountAsync(scenario);

        var before = await Baseline(signals, scenario, incident.Signal!);
        var after = await GeneratedRecordings.PerMinuteAsync(signals, scenario.Label.OrgId, incident.Signal!,
            SignalKeys.MinuteStart(incident.StartsAt).AddMinutes(1), SignalKeys.MinuteStart(scenario.Label.DeployedAt).AddMinutes(60));

        Assert.True(before.Sum() >= 60 * 2, $"{incident.Signal}: {before.Sum()} in the baseline hour");
        Assert.Equal(0, after.Sum());
    }

    private const string NebulaLogEntriesChannel = "/event/LogEntryEvent__e";

    private static Task<long[]> Baseline(ReleaseWatch.Backtest.RecordedSignals signals, LabelledRecording scenario, string signal)
    {
        var deployed = SignalKeys.MinuteStart(scenario.Label.DeployedAt);
        return GeneratedRecordings.PerMinuteAsync(signals, scenario.Label.OrgId, signal, deployed.AddMinutes(-60), deployed);
    }

    private static double Dispersion(long[] counts)
    {
        var mean = counts.Average();
        return counts.Sum(c => (c - mean) * (c - mean)) / (counts.Length - 1) / mean;
    }
}
