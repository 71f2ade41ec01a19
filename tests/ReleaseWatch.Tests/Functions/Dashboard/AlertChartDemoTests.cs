using System.Text.Json;
using MimeKit;
using ReleaseWatch.Tests.Alerts;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using SkiaSharp;

namespace ReleaseWatch.Tests.Functions.Dashboard;

/// <summary>
/// The real executable runs the demo's breaching release with a Teams webhook and an SMTP relay: the breach alert carries
/// the metric's chart, drawn server-side from the watch's judgements, in the card and in the mail. The card's picture
/// is kept in artifacts/charts.
/// </summary>
public sealed class AlertChartDemoTests(AzuritePeer azurite, SmtpPeer smtp) : IClassFixture<AzuritePeer>, IClassFixture<SmtpPeer>
{
    private const string OrgId = "00DLOCAL00000012HA";

    [Fact]
    public async Task The_demos_breach_alert_shows_the_apex_errors_chart_in_the_teams_card_and_the_email()
    {
        await using var teams = await WebhookReceiver.StartAsync();
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ReleaseWatch__Storage__ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch__Intake__SigningSecret"] = "alert-chart-test-signing-secret",
            ["ReleaseWatch__Orgs__0__Id"] = OrgId,
            ["ReleaseWatch__Orgs__0__Name"] = "Local Demo Org",
            ["ReleaseWatch__Orgs__0__Environment"] = "production",
            ["ReleaseWatch__Demo__Enabled"] = "true",
            ["ReleaseWatch__Demo__Speed"] = "30",
            ["ReleaseWatch__Teams__WebhookUrl"] = teams.Url.ToString(),
            ["ReleaseWatch__Email__Host"] = "127.0.0.1",
            ["ReleaseWatch__Email__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReleaseWatch__Email__Security"] = "None",
            ["ReleaseWatch__Email__From"] = "releasewatch@example.com",
            ["ReleaseWatch__Email__To__0"] = "oncall@example.com",
        });

        var card = await Eventually.WaitForAsync(() => Task.FromResult(teams.Posts.Select(p => p.Body).FirstOrDefault(b => b.Contains("breached", StringComparison.Ordinal) && b.Contains("\"Image\"", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(180), $"a breach card with a chart\n{service.Output}");
        // The breach's mail (the demo's opportunity stream also falls silent first, and that warning carries its own chart).
        var mail = await Eventually.WaitForAsync(() => Task.FromResult(smtp.Messages().FirstOrDefault(m => (m.Subject ?? "").Contains("Breach: apex-errors", StringComparison.Ordinal)
                && m.BodyParts.OfType<MimePart>().Any(p => p.ContentType.IsMimeType("image", "png")))),
            TimeSpan.FromSeconds(60), $"a mail with a chart (mails so far: {string.Join("; ", smtp.Messages().Select(m => m.Subject))})\n{service.Output}");

        var (exitCode, output) = await CardValidator.ValidateAsync(card);
        Assert.True(exitCode == 0, output);
        using var message = JsonDocument.Parse(card);
        var image = message.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "Image");
        var png = Convert.FromBase64String(image.GetProperty("url").GetString()!["data:image/png;base64,".Length..]);
        var path = RepoPaths.Of("artifacts", "charts", "demo-breach-card.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, png);
        await File.WriteAllTextAsync(Path.ChangeExtension(path, ".json"), card);
        using var decoded = SKBitmap.Decode(png);
        Assert.Equal((640, 320), (decoded.Width, decoded.Height));
        Assert.Contains("apex-errors", image.GetProperty("altText").GetString(), StringComparison.Ordinal);
        Assert.Contains("breached", image.GetProperty("altText").GetString(), StringComparison.Ordinal);
        Assert.True(card.Length < 28 * 1024, $"the Teams message is {card.Length} bytes");
        var part = Assert.Single(mail.BodyParts.OfType<MimePart>(), p => p.ContentType.IsMimeType("image", "png"));
        Assert.Contains("apex-errors", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"cid:{part.ContentId}", mail.HtmlBody, StringComparison.Ordinal);
    }
}
