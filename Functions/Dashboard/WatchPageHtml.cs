using System.Text;
using System.Text.Json;
using ReleaseWatch.Dashboard;
using static ReleaseWatch.Functions.Dashboard.DashboardHtml;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>The watch page: summary, actions, a chart per metric (with its data table), evidence, timeline, outbox.</summary>
internal static class WatchPageHtml
{
    public static string Body(WatchView page, string? notice)
    {
        var s = page.State;
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(s.Org.Name)).Append(" · release ").Append(E(s.Deployment.Release.Version)).Append(' ').Append(Badge(s.Phase.ToString())).Append("</h1>");
        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(E(notice)).Append("</p>");
        }

        html.Append("<dl class=\"facts\">")
            .Append(Fact("Outcome", E(s.Outcome)))
            .Append(Fact("Org", $"<a href=\"/orgs/{E(s.Org.Id)}\">{E(s.Org.Name)}</a> ({E(s.Org.Id)}, {E(s.Org.Environment)})"))
            .Append(Fact("Release", E(s.Deployment.Release.Version) + (s.Deployment.Release.PreviousVersion is { } p ? $" (previous {E(p)})" : "")))
            .Append(Fact("Deployment", E(s.Deployment.DeploymentId) + (s.Deployment.Pipeline.RunUrl is { } run ? $" · <a href=\"{E(run.AbsoluteUri)}\">pipeline run</a>" : "")))
            .Append(Fact("Policy", E(s.PolicyName)))
            .Append(Fact("Deployed", Time(s.Deployment.CompletedAt)))
            .Append(Fact("Window ends", Time(s.WindowEndsAt)))
            .Append(Fact("Record", $"<a href=\"/api/watches/{E(s.WatchId)}\">JSON</a>"))
            .Append("</dl>");
        Actions(html, page);
        html.Append("<h2>Metrics</h2>");
        foreach (var chart in page.Charts)
        {
            Chart(html, chart);
        }

        Evidence(html, page.Evidence);
        html.Append("<h2>Timeline</h2><ol class=\"timeline\">");
        foreach (var entry in page.Timeline)
        {
            html.Append("<li class=\"t-").Append(E(entry.Kind)).Append("\"><time datetime=\"").Append(entry.At.ToString("O")).Append("\">")
                .Append(Time(entry.At)).Append("</time> <strong>").Append(E(entry.Title)).Append("</strong> <span>").Append(E(entry.Detail)).Append("</span></li>");
        }

        html.Append("</ol><h2>Commands and alerts sent</h2><div class=\"scroll\"><table><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Kind</th><th scope=\"col\">Status</th><th scope=\"col\">Attempts</th><th scope=\"col\">Delivered to</th></tr></thead><tbody>");
        foreach (var item in page.Outbox)
        {
            html.Append("<tr><td>").Append(E(item.Alert?.Title ?? item.Command?.Type.ToString() ?? item.ItemId)).Append("<br><small>").Append(E(item.ItemId)).Append("</small></td><td>")
                .Append(E(item.Kind.ToString())).Append("</td><td>").Append(Badge(item.Status.ToString())).Append(item.LastError is { } err ? $" {E(err)}" : "")
                .Append("</td><td>").Append(item.Attempts).Append("</td><td>").Append(E(string.Join(", ", item.DeliveredChannels))).Append("</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static void Actions(StringBuilder html, WatchView page)
    {
        if (page.Actions.Count == 0)
        {
            return;
        }

        html.Append("<section aria-label=\"Operator actions\" class=\"actions\">");
        foreach (var action in page.Actions)
        {
            // A GET to the confirmation page: nothing changes until the operator confirms there.
            html.Append("<a class=\"button\" href=\"/watches/").Append(E(page.State.WatchId)).Append("/confirm?action=").Append(E(action)).Append("\">")
                .Append(E(ActionTitle(action))).Append("…</a> ");
        }

        html.Append("</section>");
    }

    public static string ActionTitle(string action) => action switch
    {
        "approve-revert" => "Approve revert",
        "extend" => "Extend the window",
        _ => "Abort the watch",
    };

    internal static void Chart(StringBuilder html, MetricChart chart)
    {
        var id = "chart-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(chart.Metric)))[..8];
        var data = new MetricChartData(
            [.. chart.Points.Select(p => p.At.ToUnixTimeSeconds())],
            [.. chart.Points.Select(p => p.Observed)],
            [.. chart.Points.Select(p => p.Baseline)],
            [.. chart.Points.Select(p => p.Low)],
            [.. chart.Points.Select(p => p.High)],
            [.. chart.Points.Select(p => p.Verdict)],
            chart.Above,
            chart.Below,
            chart.BreachSpan is { } b ? [b.From.ToUnixTimeSeconds(), b.To.ToUnixTimeSeconds()] : null);
        html.Append("<figure class=\"metric\" aria-labelledby=\"").Append(id).Append("-t\"><h3 id=\"").Append(id).Append("-t\">").Append(E(chart.Metric)).Append("</h3>")
            .Append("<p class=\"rule\">").Append(E(chart.Rule)).Append(chart.For > TimeSpan.Zero ? $" for {chart.For.TotalMinutes:0.#} min" : "").Append("</p>")
            .Append("<div class=\"chart\" role=\"img\" aria-label=\"").Append(E(chart.Summary)).Append("\" data-chart=\"").Append(id).Append("-d\"></div>")
            .Append("<script type=\"application/json\" id=\"").Append(id).Append("-d\">")
            .Append(JsonSerializer.Serialize(data, DashboardJsonContext.Default.MetricChartData).Replace("<", "\\u003c", StringComparison.Ordinal)).Append("</script>")
            .Append("<figcaption>").Append(E(chart.Summary)).Append("</figcaption>")
            .Append("<details><summary>Data table: ").Append(E(chart.Metric)).Append("</summary><div class=\"scroll\"><table><thead><tr>")
            .Append("<th scope=\"col\">Check</th><th scope=\"col\">Trigger</th><th scope=\"col\">Observed</th><th scope=\"col\">Baseline</th><th scope=\"col\">Allowed band</th><th scope=\"col\">Verdict</th><th scope=\"col\">p-value</th><th scope=\"col\">Reason</th></tr></thead><tbody>");
        foreach (var p in chart.Points)
        {
            var inSpan = chart.BreachSpan is { } span && p.At >= span.From && p.At <= span.To;
            html.Append("<tr").Append(inSpan ? " class=\"in-breach\"" : "").Append("><td>").Append(Time(p.At)).Append(inSpan ? " (breach span)" : "").Append("</td><td>").Append(E(p.Trigger))
                .Append("</td><td>").Append(Number(p.Observed)).Append("</td><td>").Append(Number(p.Baseline))
                .Append("</td><td>").Append(p.Low is null && p.High is null ? "" : $"{Number(p.Low)} – {Number(p.High)}")
                .Append("</td><td>").Append(Badge(p.Verdict)).Append("</td><td>").Append(p.PValue is { } pv ? pv.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "")
                .Append("</td><td>").Append(E(p.Reason)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div></details></figure>");
    }

    private static void Evidence(StringBuilder html, IReadOnlyList<MetricEvidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return;
        }

        html.Append("<h2>Evidence</h2>");
        foreach (var e in evidence)
        {
            var j = e.Judgement;
            html.Append("<section class=\"evidence\"><h3>").Append(E(j.Metric)).Append(" at ").Append(Time(e.CheckedAt)).Append("</h3><p>")
                .Append(Badge(j.Verdict.ToString())).Append(" observed ").Append(Number(j.Observed)).Append(" (").Append(j.ObservedCount).Append(" events) vs baseline ")
                .Append(Number(j.Baseline)).Append(" (").Append(j.BaselineCount).Append(" events) vs threshold ").Append(E(j.Threshold))
                .Append(j.PValue is { } pv ? $"; p-value {pv:0.####}" : "").Append(". ").Append(E(j.Reason)).Append("</p>");
            if (e.Errors.Errors.Count > 0)
            {
                html.Append("<table><caption>Top errors ").Append(Time(j.WindowFrom)).Append(" – ").Append(Time(j.WindowTo))
                    .Append(e.Errors.Complete ? "" : " (at least: the tally hit its scan limit)").Append("</caption><thead><tr><th scope=\"col\">Occurrences</th><th scope=\"col\">Error</th><th scope=\"col\">Source</th><th scope=\"col\">Sample records</th></tr></thead><tbody>");
                foreach (var error in e.Errors.Errors)
                {
                    html.Append("<tr><td>").Append(error.Count).Append("</td><td>").Append(E(error.Label)).Append("</td><td>").Append(E(error.Source))
                        .Append("</td><td>").Append(E(string.Join(", ", error.Samples.SelectMany(x => x.RecordIds).Distinct().Take(5)))).Append("</td></tr>");
                }

                html.Append("</tbody></table>");
            }

            html.Append("</section>");
        }
    }
}
