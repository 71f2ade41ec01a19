using System.Globalization;
using System.Text.Json.Nodes;

namespace ReleaseWatch.Alerts;

/// <summary>Builds the Teams message: an Adaptive Card 1.4 in the Workflows webhook envelope.</summary>
internal static class AdaptiveCardBuilder
{
    /// <summary>
    /// The most a Teams message with its chart may weigh. Workflows webhooks take about 28 KB; the chart is a data URI
    /// inside the card, so it must leave room for the rest with a margin.
    /// </summary>
    public const int MaxPayloadBytes = 24 * 1024;

    public static JsonObject Envelope(Alert alert, AlertChart? chart = null) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["content"] = Card(alert, chart),
        }),
    };

    public static JsonObject Card(Alert alert, AlertChart? chart = null)
    {
        var body = new JsonArray
        {
            Text(AlertText.Heading(alert), size: "Large", bold: true, color: Color(alert.Severity)),
            Text(alert.Summary),
        };
        if (chart is not null)
        {
            // Stretch: as wide as the card on a phone; the alt text is the chart's summary in words.
            body.Add((JsonNode)new JsonObject { ["type"] = "Image", ["url"] = chart.DataUri, ["altText"] = chart.AltText, ["size"] = "Stretch" });
        }

        body.Add(Facts(AlertText.Facts(alert)));
        if (alert.Metrics.Count > 0)
        {
            body.Add(Text("Metrics", bold: true));
            body.Add(Facts(alert.Metrics.Select(m => (m.Name, AlertText.Describe(m)))));
        }

        if (alert.TopErrors.Count > 0)
        {
            body.Add(Text("Top errors", bold: true));
            foreach (var error in alert.TopErrors)
            {
                body.Add(Text("- " + error));
            }
        }

        var actions = new JsonArray();
        foreach (var (title, url) in AlertText.Links(alert))
        {
            actions.Add((JsonNode)new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url.AbsoluteUri });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return card;
    }

    private static JsonNode Text(string text, string? size = null, bool bold = false, string? color = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (bold)
        {
            block["weight"] = "Bolder";
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        return block;
    }

    private static JsonNode Facts(IEnumerable<(string Title, string Value)> facts) => new JsonObject
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    private static string Color(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "Attention",
        AlertSeverity.Warning => "Warning",
        _ => "Good",
    };

    internal static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "n/a";
}
