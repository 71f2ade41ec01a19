using System.Text;
using System.Text.Json;
using ReleaseWatch.Judging;
using ReleaseWatch.Signals;
using static ReleaseWatch.Functions.Dashboard.DashboardHtml;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>The org page: stream health per channel, gaps, per-minute sparklines of each judged signal, coverage.</summary>
internal static class OrgPageHtml
{
    public static string Body(string name, OrgSignalsResponse org, IReadOnlyList<SignalWindow> signals, DateTimeOffset now, StreamHealthOptions limits)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(name)).Append(' ').Append(Badge(org.Health.ToString())).Append("</h1><p>").Append(E(org.OrgId))
            .Append(" · <a href=\"/watches?org=").Append(E(org.OrgId)).Append("\">its watches</a> · <a href=\"/api/orgs/").Append(E(org.OrgId)).Append("/signals\">JSON</a></p>");
        html.Append("<h2>Streams</h2><div class=\"scroll\"><table><thead><tr><th scope=\"col\">Channel</th><th scope=\"col\">Health</th><th scope=\"col\">State</th><th scope=\"col\">Lag</th><th scope=\"col\">Newest event</th><th scope=\"col\">Reported</th><th scope=\"col\">Checkpoint</th></tr></thead><tbody>");
        foreach (var c in org.Channels)
        {
            html.Append("<tr><td>").Append(E(c.Channel)).Append("</td><td>").Append(Badge(SourceHealth.Of([c], now, limits).ToString())).Append("</td><td>").Append(E(c.State.ToString()))
                .Append(c.Detail is { } d ? $" <small>{E(d)}</small>" : "").Append("</td><td>").Append(c.Lag is { } lag ? $"{lag.TotalSeconds:0} s" : "")
                .Append("</td><td>").Append(c.NewestEventAt is { } n ? Time(n) : "").Append("</td><td>").Append(Time(c.UpdatedAt))
                .Append("</td><td>").Append(c.CheckpointReplayId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "").Append("</td></tr>");
        }

        if (org.Channels.Count == 0)
        {
            html.Append("<tr><td colspan=\"7\">No stream has reported yet.</td></tr>");
        }

        html.Append("</tbody></table></div><h2>Gaps</h2>");
        if (org.Gaps.Count == 0)
        {
            html.Append("<p>No gaps recorded.</p>");
        }
        else
        {
            html.Append("<ol class=\"timeline\">");
            foreach (var g in org.Gaps.OrderBy(g => g.From))
            {
                html.Append("<li class=\"t-breach\">").Append(Time(g.From)).Append(" – ").Append(Time(g.To)).Append(" <strong>").Append(E(g.Channel)).Append("</strong> ").Append(E(g.Reason)).Append("</li>");
            }

            html.Append("</ol>");
        }

        html.Append("<h2>Signals, per minute (last hour)</h2><ul class=\"sparklines\">");
        foreach (var w in signals)
        {
            var minutes = Enumerable.Range(0, (int)Math.Max(1, (w.To - w.From).TotalMinutes)).Select(i => SignalKeys.MinuteStart(w.From).AddMinutes(i)).ToList();
            var counts = minutes.Select(m => w.CountsByMinute.TryGetValue(m, out var c) ? c : 0).ToList();
            var id = "spark-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(w.Signal)))[..8];
            var summary = $"{w.Signal}: {w.Total} events in the last hour, peak {(counts.Count > 0 ? counts.Max() : 0)} a minute, {counts[^1]} in the last minute.";
            html.Append("<li><span class=\"signal\">").Append(E(w.Signal)).Append("</span> <span class=\"spark\" role=\"img\" aria-label=\"").Append(E(summary))
                .Append("\" data-spark=\"").Append(id).Append("\"></span><script type=\"application/json\" id=\"").Append(id).Append("\">")
                .Append(JsonSerializer.Serialize(new SparklineData([.. minutes.Select(m => m.ToUnixTimeSeconds())], counts), DashboardJsonContext.Default.SparklineData)).Append("</script> <small>").Append(E(summary)).Append("</small></li>");
        }

        html.Append("</ul><h2>Coverage</h2>");
        if (org.Uncovered.Count == 0)
        {
            html.Append("<p>Every metric of the org's policy has a channel that feeds it.</p>");
        }
        else
        {
            html.Append("<p>These metrics cannot be judged: no configured channel feeds their signal, so they stay Inconclusive.</p><ul>");
            foreach (var u in org.Uncovered)
            {
                html.Append("<li><strong>").Append(E(u.Metric)).Append("</strong> (policy ").Append(E(u.Policy)).Append(") needs ").Append(E(u.Signal)).Append("</li>");
            }

            html.Append("</ul>");
        }

        return html.ToString();
    }
}
