using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using ReleaseWatch.Dashboard;
using static ReleaseWatch.Functions.Dashboard.DashboardHtml;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>The back-test page: the form (policy, recording, deployment time) and the result (outcome, breaches, the watch page's charts).</summary>
internal static class BacktestPageHtml
{
    public static string Form(IEnumerable<string> policies, IReadOnlyList<(string Name, string Label, string Path)> recordings, AntiforgeryTokenSet tokens, string? error)
    {
        var html = new StringBuilder("<h1>Back-test a policy on a recording</h1>")
            .Append("<p>Runs the policy over the recording as the live service would have: the same classifier, judge and watch decider; each check, the window's end and a nudge at every failure signal, each seeing only what had arrived by then.</p>");
        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\" id=\"backtest-error\">").Append(E(error)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"/backtest\" enctype=\"multipart/form-data\" class=\"backtest\">")
            .Append("<input type=\"hidden\" name=\"").Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken)).Append("\">")
            .Append("<fieldset><legend>Policy</legend><p><label>Configured policy <select name=\"policy\" id=\"policy\">");
        foreach (var name in policies.Order(StringComparer.Ordinal))
        {
            html.Append("<option").Append(name == "default" ? " selected" : "").Append('>').Append(E(name)).Append("</option>");
        }

        html.Append("</select></label></p><p><label for=\"policyJson\">or paste one (JSON, as under ReleaseWatch:Policies; used instead when given)</label><br>")
            .Append("<textarea name=\"policyJson\" id=\"policyJson\" rows=\"6\" cols=\"60\" maxlength=\"65536\" spellcheck=\"false\"></textarea></p></fieldset>")
            .Append("<fieldset><legend>Recording</legend>");
        foreach (var (name, label, _) in recordings)
        {
            html.Append("<p><label><input type=\"radio\" name=\"recording\" value=\"").Append(E(name)).Append('"').Append(name == recordings[0].Name ? " checked" : "").Append("> ")
                .Append(E(label)).Append("</label></p>");
        }

        html.Append("<p><label for=\"upload\">or upload one (JSON Lines in the recorder's format; used instead when given)</label><br>")
            .Append("<input type=\"file\" name=\"upload\" id=\"upload\" accept=\".jsonl,.json,.txt,application/x-ndjson,application/jsonl,text/plain\"></p></fieldset>")
            .Append("<p><label>Deployment completed at (optional, ISO 8601; default: once the recording covers the policy's baseline) <input name=\"deployedAt\" id=\"deployedAt\" size=\"28\" placeholder=\"2026-11-20T09:50:00Z\"></label></p>")
            .Append("<p><button type=\"submit\" id=\"run\">Run the back-test</button></p></form>");
        return html.ToString();
    }

    public static string Result(BacktestView view)
    {
        var html = new StringBuilder("<h1>Back-test: policy ").Append(E(view.Policy)).Append(' ').Append(Badge(view.Phase)).Append("</h1>")
            .Append("<p class=\"outcome\" id=\"backtest-outcome\">").Append(E(view.Outcome)).Append("</p><dl class=\"facts\">")
            .Append(Fact("Recording", E(view.Recording)))
            .Append(Fact("Org", E(view.OrgId)))
            .Append(Fact("Messages", view.Messages.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(Fact("Recorded", $"{Time(view.RecordingStart)} – {Time(view.RecordingEnd)}"))
            .Append(Fact("Deployment", Time(view.DeployedAt)))
            .Append("</dl><h2>Breaches</h2>");
        if (view.Breaches.Count == 0)
        {
            html.Append("<p>No metric breached.</p>");
        }
        else
        {
            html.Append("<ul class=\"breaches\">");
            foreach (var b in view.Breaches)
            {
                html.Append("<li><strong>").Append(E(b.Metric)).Append("</strong> breached at ").Append(Time(b.At)).Append(" (+")
                    .Append(E(After(b.After))).Append(" after the deployment): ").Append(E(b.Reason))
                    .Append(b.Command is { } c ? $" → {E(c)} command" : "; no command").Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>Metrics</h2>");
        foreach (var chart in view.Charts)
        {
            WatchPageHtml.Chart(html, chart);
        }

        return html.Append("<p><a href=\"/backtest\">Run another back-test</a></p>").ToString();
    }

    private static string After(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
        : span.Seconds == 0 ? $"{span.Minutes}m" : $"{span.Minutes}m{span.Seconds:00}s";
}
