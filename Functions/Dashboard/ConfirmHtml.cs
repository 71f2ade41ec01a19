using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using ReleaseWatch.Dashboard;
using static ReleaseWatch.Functions.Dashboard.DashboardHtml;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>The confirmation of an operator action: what will happen, who it is recorded as, and the form that does it.</summary>
internal static class ConfirmHtml
{
    public static string Body(WatchView page, string action, DashboardUser user, AntiforgeryTokenSet tokens)
    {
        var s = page.State;
        var html = new StringBuilder("<h1>").Append(E(WatchPageHtml.ActionTitle(action))).Append("?</h1><p>")
            .Append(E(What(action))).Append(" Watch of release ").Append(E(s.Deployment.Release.Version)).Append(" on ").Append(E(s.Org.Name))
            .Append(", now ").Append(E(s.Phase.ToString())).Append(". Recorded as <strong>").Append(E(user.Name)).Append("</strong>.</p>")
            .Append("<form method=\"post\" action=\"/watches/").Append(E(s.WatchId)).Append("/actions\">")
            .Append("<input type=\"hidden\" name=\"").Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken)).Append("\">")
            .Append("<input type=\"hidden\" name=\"action\" value=\"").Append(E(action)).Append("\">");
        if (action == "extend")
        {
            html.Append("<p><label>Minutes <input name=\"minutes\" type=\"number\" min=\"1\" max=\"1440\" value=\"30\" required></label></p>");
        }

        return html.Append("<p><label>Reason <input name=\"reason\" maxlength=\"500\" size=\"40\"></label></p>")
            .Append("<p><button type=\"submit\" id=\"confirm\">Confirm: ").Append(E(WatchPageHtml.ActionTitle(action).ToLowerInvariant())).Append("</button> ")
            .Append("<a href=\"/watches/").Append(E(s.WatchId)).Append("\">Cancel</a></p></form>").ToString();
    }

    private static string What(string action) => action switch
    {
        "approve-revert" => "A revert command goes to the deploy agent at once.",
        "extend" => "The watch window ends later; checks go on.",
        _ => "The watch stops: nothing more is judged or sent.",
    };
}
