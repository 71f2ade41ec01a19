using System.Globalization;
using System.Net;
using System.Text;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>The dashboard's page frame and the few HTML helpers every page uses (everything user-supplied is encoded).</summary>
internal static class DashboardHtml
{
    public const string AssetsPath = "/dashboard/assets";

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "n/a";

    public static IResult Page(string title, DashboardUser user, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · ReleaseWatch</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(AssetsPath).Append("/lib/uPlot.min.css\">")
            .Append("<link rel=\"stylesheet\" href=\"").Append(AssetsPath).Append("/dashboard.css\">")
            .Append("<script defer src=\"").Append(AssetsPath).Append("/lib/uPlot.iife.min.js\"></script>")
            .Append("<script defer src=\"").Append(AssetsPath).Append("/dashboard.js\"></script>")
            .Append("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Append("<header><nav aria-label=\"Dashboard\"><a href=\"/watches\">ReleaseWatch · Watches</a> <a href=\"/rollouts\">Rollouts</a> <a href=\"/backtest\">Back-test</a></nav>")
            .Append("<span class=\"user\">Signed in as ").Append(E(user.Name)).Append("</span></header>")
            .Append("<main id=\"main\">").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>One fact of a page's summary (a definition list item); the value is HTML already encoded.</summary>
    public static string Fact(string title, string encodedValue) => $"<div><dt>{E(title)}</dt><dd>{encodedValue}</dd></div>";

    /// <summary>A phase or verdict as a labelled badge (the word is always shown: colour is never the only cue).</summary>
    public static string Badge(string word) => $"<span class=\"badge b-{E(word.ToLowerInvariant())}\">{E(word)}</span>";
}
