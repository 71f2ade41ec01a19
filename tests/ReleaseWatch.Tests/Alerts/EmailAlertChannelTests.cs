using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReleaseWatch.Alerts;
using ReleaseWatch.Tests.Commands;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Alerts;

public sealed class EmailAlertChannelTests(SmtpPeer smtp) : IClassFixture<SmtpPeer>
{
    [Fact]
    public async Task DeliverAsync_mails_html_and_plain_text_with_the_same_facts_to_the_recipients_of_its_severity()
    {
        var options = new EmailOptions { Host = "127.0.0.1", Port = smtp.Port, Security = EmailSecurity.None, From = "releasewatch@example.com" };
        options.To.Add("release-managers@example.com");
        options.Recipients[AlertSeverity.Critical] = ["oncall@example.com"];
        var channel = new EmailAlertChannel(Options.Create(options), NullLogger<EmailAlertChannel>.Instance);
        var alert = Some.Alert();

        await channel.DeliverAsync(alert, CancellationToken.None);

        var mail = Assert.Single(await Eventually.WaitForAsync(
            () => Task.FromResult<IReadOnlyList<MimeKit.MimeMessage>?>(smtp.Messages() is { Count: > 0 } m ? m : null),
            TimeSpan.FromSeconds(10), "the mail to arrive"));
        Assert.Equal(["release-managers@example.com", "oncall@example.com"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.StartsWith("[ReleaseWatch] CRITICAL: apex-errors breached", mail.Subject, StringComparison.Ordinal);
        foreach (var body in new[] { mail.TextBody, mail.HtmlBody })
        {
            Assert.NotNull(body);
            foreach (var fact in (string[])["Acme Production", "00D5g000000AbCdEAK", "2.4.0", "2.3.1", "dep-42", "observed 14 vs baseline 1.5 vs threshold above 5/min",
                "Attempt to de-reference a null object", "https://ci.example.com/runs/7", "https://releasewatch.example.com/watches/watch-dep-42"])
            {
                Assert.Contains(fact, body, StringComparison.Ordinal);
            }
        }

        Assert.Contains("<h2>", mail.HtmlBody, StringComparison.Ordinal);
    }
}
