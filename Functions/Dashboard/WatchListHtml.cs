using System.Text;
using ReleaseWatch.Watches.Deciding;
using static ReleaseWatch.Functions.Dashboard.DashboardHtml;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>The watches list: filter form, table, and the live-update hook (dashboard.js reloads the rows).</summary>
internal static class WatchListHtml
{
    public static string Body(IReadOnlyList<WatchSummary> watches, string? org, WatchPhase? phase, IEnumerable<(string Id, string Name)> orgs, string? next)
    {
        var html = new StringBuilder("<h1>Watches</h1>");
        html.Append("<form class=\"filters\" method=\"get\" action=\"/watches\"><label>Org <select name=\"org\"><option value=\"\">all</option>");
        foreach (var (id, name) in orgs)
        {
            html.Append("<option value=\"").Append(E(id)).Append('"').Append(id == org ? " selected" : "").Append('>').Append(E(name)).Append(" (").Append(E(id)).Append(")</option>");
        }

        html.Append("</select></label> <label>Phase <select name=\"phase\"><option value=\"\">all</option>");
        foreach (var name in Enum.GetNames<WatchPhase>())
        {
            html.Append("<option").Append(phase?.ToString() == name ? " selected" : "").Append('>').Append(name).Append("</option>");
        }

        var live = "/watches/rows" + QueryString.Create(new Dictionary<string, string?> { ["org"] = org, ["phase"] = phase?.ToString() }.Where(p => p.Value is not null));
        html.Append("</select></label> <button type=\"submit\">Filter</button></form>")
            .Append("<p class=\"live\" role=\"status\" aria-live=\"polite\" data-live-status>Updates every 5 s.</p>")
            .Append("<div class=\"scroll\"><table class=\"watches\"><caption class=\"sr\">Watches, newest update first</caption><thead><tr>")
            .Append("<th scope=\"col\">Org</th><th scope=\"col\">Environment</th><th scope=\"col\">Release</th><th scope=\"col\">Phase</th>")
            .Append("<th scope=\"col\">Started</th><th scope=\"col\">Outcome</th><th scope=\"col\">Time to decision</th></tr></thead>")
            .Append("<tbody data-live=\"").Append(E(live)).Append("\">").Append(Rows(watches)).Append("</tbody></table></div>");
        if (next is not null)
        {
            html.Append("<p><a href=\"").Append(E(next.Replace("/api/watches", "/watches", StringComparison.Ordinal))).Append("\">Older watches</a></p>");
        }

        return html.ToString();
    }

    public static string Rows(IReadOnlyList<WatchSummary> watches)
    {
        if (watches.Count == 0)
        {
            return "<tr><td colspan=\"7\">No watches match.</td></tr>";
        }

        var html = new StringBuilder();
        foreach (var w in watches)
        {
            html.Append("<tr><td><a href=\"/orgs/").Append(E(w.Org.Id)).Append("\">").Append(E(w.Org.Name)).Append("</a></td>")
                .Append("<td>").Append(E(w.Org.Environment)).Append("</td>")
                .Append("<td><a href=\"/watches/").Append(E(w.Id)).Append("\">").Append(E(w.Release.Version)).Append("</a></td>")
                .Append("<td>").Append(Badge(w.Phase.ToString())).Append("</td>")
                .Append("<td>").Append(Time(w.CompletedAt)).Append("</td>")
                .Append("<td>").Append(E(w.Outcome)).Append("</td>")
                .Append("<td>").Append(E(Decided(w))).Append("</td></tr>");
        }

        return html.ToString();
    }

    /// <summary>Minutes from the deployment to the last update of a decided watch; "watching" while it runs.</summary>
    private static string Decided(WatchSummary w) =>
        w.Phase is WatchPhase.Pending or WatchPhase.Watching ? "watching" : $"{(w.UpdatedAt - w.CompletedAt).TotalMinutes:0.#} min";
}
