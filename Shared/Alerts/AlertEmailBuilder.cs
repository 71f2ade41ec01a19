using System.Net;
using System.Text;
using MimeKit;

namespace ReleaseWatch.Alerts;

/// <summary>The alert as an email: HTML and plain text carrying the same facts; the metric's chart as an inline (CID) image with alt text.</summary>
internal static class AlertEmailBuilder
{
    public static MimeMessage Build(Alert alert, string from, IReadOnlyList<string> to, AlertChart? chart = null)
    {
        var message = new MimeMessage { Subject = $"[ReleaseWatch] {AlertText.Heading(alert)}" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(to.Select(MailboxAddress.Parse));
        message.MessageId = $"{alert.AlertId}@releasewatch";
        var body = new BodyBuilder { TextBody = PlainText(alert, chart) };
        string? contentId = null;
        if (chart is not null)
        {
            var image = body.LinkedResources.Add("chart.png", chart.Png, new ContentType("image", "png"));
            contentId = image.ContentId = MimeKit.Utils.MimeUtils.GenerateMessageId("releasewatch");
        }

        body.HtmlBody = Html(alert, chart, contentId);
        message.Body = body.ToMessageBody();
        return message;
    }

    public static string PlainText(Alert alert, AlertChart? chart = null)
    {
        var text = new StringBuilder();
        text.AppendLine(AlertText.Heading(alert)).AppendLine().AppendLine(alert.Summary).AppendLine();
        if (chart is not null)
        {
            text.Append("Chart: ").AppendLine(chart.AltText).AppendLine();
        }

        foreach (var (title, value) in AlertText.Facts(alert))
        {
            text.Append(title).Append(": ").AppendLine(value);
        }

        Section(text, "Metrics", alert.Metrics.Select(m => $"{m.Name}: {AlertText.Describe(m)}"));
        Section(text, "Top errors", alert.TopErrors);
        Section(text, "Links", AlertText.Links(alert).Select(l => $"{l.Title}: {l.Url.AbsoluteUri}"));
        return text.ToString();
    }

    public static string Html(Alert alert, AlertChart? chart = null, string? chartContentId = null)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder("<html><body>");
        html.Append("<h2>").Append(E(AlertText.Heading(alert))).Append("</h2><p>").Append(E(alert.Summary)).Append("</p>");
        if (chart is not null && chartContentId is not null)
        {
            html.Append("<p><img src=\"cid:").Append(E(chartContentId)).Append("\" alt=\"").Append(E(chart.AltText)).Append("\" width=\"").Append(chart.Width)
                .Append("\" height=\"").Append(chart.Height).Append("\" style=\"max-width:100%;height:auto\"></p>");
        }

        html.Append("<table>");
        foreach (var (title, value) in AlertText.Facts(alert))
        {
            html.Append("<tr><th align=\"left\">").Append(E(title)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
        }

        html.Append("</table>");
        HtmlList(html, "Metrics", alert.Metrics.Select(m => $"{E(m.Name)}: {E(AlertText.Describe(m))}"));
        HtmlList(html, "Top errors", alert.TopErrors.Select(E));
        HtmlList(html, "Links", AlertText.Links(alert).Select(l => $"<a href=\"{E(l.Url.AbsoluteUri)}\">{E(l.Title)}</a>"));
        return html.Append("</body></html>").ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine(title + ":");
        foreach (var line in items)
        {
            text.Append("- ").AppendLine(line);
        }
    }

    private static void HtmlList(StringBuilder html, string title, IEnumerable<string> encodedItems)
    {
        var items = encodedItems.ToList();
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<h3>").Append(title).Append("</h3><ul>");
        foreach (var item in items)
        {
            html.Append("<li>").Append(item).Append("</li>");
        }

        html.Append("</ul>");
    }
}
