using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using ReleaseWatch.Dashboard;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;
using static ReleaseWatch.Functions.Dashboard.DashboardHtml;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>The rollout pages: the list, a rollout (waves with per-org standing, actions, commands, history), an action's confirmation.</summary>
internal static class RolloutPageHtml
{
    public static string List(IReadOnlyList<RolloutState> rollouts)
    {
        var html = new StringBuilder("<h1>Rollouts</h1><div class=\"scroll\"><table class=\"rollouts\"><caption class=\"sr\">Rollouts, newest update first</caption><thead><tr>")
            .Append("<th scope=\"col\">Rollout</th><th scope=\"col\">Release</th><th scope=\"col\">Phase</th><th scope=\"col\">Wave</th><th scope=\"col\">Orgs verified</th><th scope=\"col\">Started</th><th scope=\"col\">Outcome</th></tr></thead><tbody>");
        foreach (var r in rollouts)
        {
            var orgs = r.Waves.SelectMany(w => w.Orgs).ToList();
            html.Append("<tr><td><a href=\"/rollouts/").Append(E(Uri.EscapeDataString(r.RolloutId))).Append("\">").Append(E(r.RolloutId)).Append("</a></td><td>").Append(E(r.Release.Version))
                .Append("</td><td>").Append(Badge(r.Phase.ToString())).Append(r.Paused ? " " + Badge("Paused") : "").Append("</td><td>").Append(r.Current + 1).Append(" of ").Append(r.Waves.Count)
                .Append(" (").Append(E(r.Wave.Name)).Append(")</td><td>").Append(orgs.Count(o => o.Standing == OrgStanding.Verified)).Append(" / ").Append(orgs.Count)
                .Append("</td><td>").Append(Time(r.CreatedAt)).Append("</td><td>").Append(E(r.Outcome)).Append("</td></tr>");
        }

        if (rollouts.Count == 0)
        {
            html.Append("<tr><td colspan=\"7\">No rollouts yet (POST /api/rollouts starts one).</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    public static string Body(RolloutState r, IReadOnlyList<RolloutHistoryEntry> history, string? notice)
    {
        var id = E(Uri.EscapeDataString(r.RolloutId));
        var html = new StringBuilder("<h1>Rollout ").Append(E(r.RolloutId)).Append(" · release ").Append(E(r.Release.Version)).Append(' ').Append(Badge(r.Phase.ToString()))
            .Append(r.Paused ? " " + Badge("Paused") : "").Append("</h1>");
        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(E(notice)).Append("</p>");
        }

        html.Append("<p class=\"outcome\">").Append(E(r.Outcome)).Append("</p><dl class=\"facts\">")
            .Append(Fact("Release", E(r.Release.Version) + (r.Release.PreviousVersion is { } p ? $" (previous {E(p)})" : "")))
            .Append(Fact("Pipeline", E(r.Pipeline.Name) + (r.Pipeline.RunUrl is { } run ? $" · <a href=\"{E(run.AbsoluteUri)}\">run</a>" : "")))
            .Append(Fact("Started", Time(r.CreatedAt))).Append(Fact("Updated", Time(r.UpdatedAt)))
            .Append(Fact("Record", $"<a href=\"/api/rollouts/{id}\">JSON</a>")).Append("</dl>");
        var actions = RolloutActions.For(r);
        if (actions.Count > 0)
        {
            html.Append("<section aria-label=\"Operator actions\" class=\"actions\">");
            foreach (var action in actions)
            {
                html.Append("<a class=\"button\" href=\"/rollouts/").Append(id).Append("/confirm?action=").Append(E(action)).Append("\">").Append(E(RolloutActions.Title(action))).Append("…</a> ");
            }

            html.Append("</section>");
        }

        html.Append("<h2>Waves</h2><div class=\"waves\">");
        var skippable = RolloutActions.Skippable(r);
        for (var i = 0; i < r.Waves.Count; i++)
        {
            Wave(html, r, i, skippable);
        }

        html.Append("</div><h2>Commands</h2>");
        if (r.Commands.Count == 0)
        {
            html.Append("<p>None issued yet.</p>");
        }
        else
        {
            html.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Command</th><th scope=\"col\">Type</th><th scope=\"col\">Issued</th></tr></thead><tbody>");
            foreach (var c in r.Commands)
            {
                html.Append("<tr><td>").Append(E(c.CommandId)).Append("</td><td>").Append(E(c.Type.ToString().ToLowerInvariant())).Append("</td><td>").Append(Time(c.IssuedAt)).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        html.Append("<h2>History</h2><ol class=\"timeline\">");
        foreach (var h in history.OrderBy(h => h.Version))
        {
            html.Append("<li class=\"t-").Append(h.Event is RolloutOperatorActed ? "operator" : h.Phase is RolloutPhase.Halted ? "breach" : "phase").Append("\"><time datetime=\"")
                .Append(h.At.ToString("O")).Append("\">").Append(Time(h.At)).Append("</time> <strong>").Append(E(Event(h.Event))).Append("</strong> <span>").Append(E(h.Note)).Append("</span></li>");
        }

        return html.Append("</ol>").ToString();
    }

    public static string Confirm(RolloutState r, string action, string? org, DashboardUser user, AntiforgeryTokenSet tokens)
    {
        var id = E(Uri.EscapeDataString(r.RolloutId));
        var orgName = org is null ? null : r.Wave.Orgs.FirstOrDefault(o => o.Org.Id == org)?.Org.Name;
        var html = new StringBuilder("<h1>").Append(E(RolloutActions.Title(action))).Append(orgName is null ? "" : $" ({E(orgName)})").Append("?</h1><p>")
            .Append(E(RolloutActions.What(action))).Append(" Rollout ").Append(E(r.RolloutId)).Append(" of release ").Append(E(r.Release.Version)).Append(", now ")
            .Append(E(r.Phase.ToString())).Append(" in wave ").Append(r.Current + 1).Append(" (").Append(E(r.Wave.Name)).Append("). Recorded as <strong>").Append(E(user.Name)).Append("</strong>.</p>")
            .Append("<form method=\"post\" action=\"/rollouts/").Append(id).Append("/actions\">")
            .Append("<input type=\"hidden\" name=\"").Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken)).Append("\">")
            .Append("<input type=\"hidden\" name=\"action\" value=\"").Append(E(action)).Append("\">");
        if (org is not null)
        {
            html.Append("<input type=\"hidden\" name=\"org\" value=\"").Append(E(org)).Append("\">");
        }

        return html.Append("<p><label>Reason <input name=\"reason\" maxlength=\"500\" size=\"40\"></label></p>")
            .Append("<p><button type=\"submit\" id=\"confirm\">Confirm: ").Append(E(RolloutActions.Title(action).ToLowerInvariant())).Append("</button> ")
            .Append("<a href=\"/rollouts/").Append(id).Append("\">Cancel</a></p></form>").ToString();
    }

    private static void Wave(StringBuilder html, RolloutState r, int index, IReadOnlyList<string> skippable)
    {
        var w = r.Waves[index];
        var id = E(Uri.EscapeDataString(r.RolloutId));
        html.Append("<section class=\"wave\" aria-labelledby=\"wave-").Append(index).Append("\"><h3 id=\"wave-").Append(index).Append("\">Wave ").Append(index + 1).Append(": ").Append(E(w.Name))
            .Append(' ').Append(Badge(w.Phase.ToString())).Append(index == r.Current && !r.Phase.IsCompleted() ? " <small>(current)</small>" : "").Append("</h3><p class=\"rule\">")
            .Append("bake ").Append(w.Bake.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)).Append(" min · ")
            .Append(w.Quorum >= 1 ? "all verified" : $"quorum {w.Quorum:P0} verified, none breached").Append(" · on breach revert the ").Append(w.OnBreach == BreachScope.Wave ? "whole wave" : "breached org")
            .Append(w.Fleet is { } f ? $" · fleet: {E(f.Policy ?? "")}{(f.MaxFailingShare is { } share ? $" at most {share:P0} failing" : "")}" : "")
            .Append(w.BakeEndsAt is { } ends ? $" · bake ends {Time(ends)}" : "").Append("</p>")
            .Append(w.Reason is { } reason ? $"<p>{E(reason)}</p>" : "")
            .Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Org</th><th scope=\"col\">Standing</th><th scope=\"col\">Reason</th><th scope=\"col\">Watch</th><th scope=\"col\"><span class=\"sr\">Action</span></th></tr></thead><tbody>");
        foreach (var o in w.Orgs)
        {
            html.Append("<tr><td><a href=\"/orgs/").Append(E(o.Org.Id)).Append("\">").Append(E(o.Org.Name)).Append("</a><br><small>").Append(E(o.Org.Id)).Append("</small></td><td>")
                .Append(Badge(o.Standing.ToString())).Append("</td><td>").Append(E(o.Detail)).Append("</td><td>")
                .Append(o.WatchId is { } watch ? $"<a href=\"/watches/{E(watch)}\">watch page</a>" : "not started").Append("</td><td>")
                .Append(index == r.Current && skippable.Contains(o.Org.Id) ? $"<a class=\"button\" href=\"/rollouts/{id}/confirm?action=skip&amp;org={E(o.Org.Id)}\">Skip…</a>" : "")
                .Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static string Event(RolloutEvent e) => e switch
    {
        RolloutRequested => "Rollout requested",
        RolloutCommandResulted result => $"Command result: {result.Result.Status.ToString().ToLowerInvariant()}",
        WaveWatchSettled settled => $"Watch settled: {settled.Phase}",
        RolloutTimerFired timer => $"Timer: {timer.Kind}",
        RolloutOperatorActed acted => $"{acted.Actor}: {acted.Action.ToString().ToLowerInvariant()}",
        WaveJudged judged => $"Wave {judged.Wave + 1} judged as a whole",
        _ => e.GetType().Name,
    };
}
