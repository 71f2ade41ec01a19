using System.Text;
using System.Text.Json;
using MimeKit;
using ReleaseWatch.Alerts;
using ReleaseWatch.Tests.Commands;
using ReleaseWatch.Tests.Dashboard;
using SkiaSharp;

namespace ReleaseWatch.Tests.Alerts;

/// <summary>The metric's chart in the Teams card (a data URI Image) and the email (an inline CID part), with its alt text.</summary>
public sealed class AlertChartCardTests
{
    [Fact]
    public async Task A_card_with_the_chart_validates_with_microsofts_library_and_stays_well_under_the_Teams_webhook_limit()
    {
        var chart = SomeChart.Alert();

        var json = AdaptiveCardBuilder.Envelope(Some.Alert(), chart).ToJsonString();

        var (exitCode, output) = await CardValidator.ValidateAsync(json);
        Assert.True(exitCode == 0, output);
        var bytes = Encoding.UTF8.GetByteCount(json);
        Assert.True(bytes <= AdaptiveCardBuilder.MaxPayloadBytes, $"the message is {bytes} bytes");
        using var message = JsonDocument.Parse(json);
        var image = message.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "Image");
        Assert.Equal(chart.AltText, image.GetProperty("altText").GetString());
        var url = image.GetProperty("url").GetString()!;
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        using var decoded = SKBitmap.Decode(Convert.FromBase64String(url["data:image/png;base64,".Length..]));
        Assert.Equal((640, 320), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void A_card_without_a_chart_has_no_image()
    {
        var json = AdaptiveCardBuilder.Envelope(Some.Alert()).ToJsonString();

        Assert.DoesNotContain("\"Image\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_email_carries_the_chart_as_an_inline_part_its_html_shows_by_content_id_with_alt_text()
    {
        var chart = SomeChart.Alert();

        using var mail = AlertEmailBuilder.Build(Some.Alert(), "releasewatch@example.com", ["oncall@example.com"], chart);

        var part = Assert.Single(mail.BodyParts.OfType<MimePart>(), p => p.ContentType.IsMimeType("image", "png"));
        Assert.False(string.IsNullOrEmpty(part.ContentId));
        var related = All(mail.Body!).OfType<MultipartRelated>().Single();
        Assert.Contains(part, related);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        Assert.Equal(chart.Png, content.ToArray());
        Assert.Contains($"src=\"cid:{part.ContentId}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"alt=\"{System.Net.WebUtility.HtmlEncode(chart.AltText)}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Chart: " + chart.AltText, mail.TextBody, StringComparison.Ordinal);
    }

    private static IEnumerable<MimeEntity> All(MimeEntity entity) => entity is Multipart multipart ? multipart.SelectMany(All).Prepend(entity) : [entity];
}
