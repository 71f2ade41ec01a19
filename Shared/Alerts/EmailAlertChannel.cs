using System.Text.Json.Serialization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Alerts;

/// <summary>Mails the alert through an SMTP relay with MailKit; throws when the relay did not accept it.</summary>
internal sealed class EmailAlertChannel(IOptions<EmailOptions> options, ILogger<EmailAlertChannel> logger, IAlertChartSource? charts = null) : IAlertChannel
{
    public string Name => "email";

    public async Task DeliverAsync(Alert alert, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var recipients = settings.RecipientsFor(alert.Severity);
        if (recipients.Count == 0)
        {
            AlertsLogs.NoRecipients(logger, alert.AlertId, alert.Severity);
            return;
        }

        var chart = await charts.TryDrawAsync(alert, logger, cancellationToken).ConfigureAwait(false);
        using var message = AlertEmailBuilder.Build(alert, settings.From!, recipients, chart);
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(settings.Host!, settings.Port, Map(settings.Security), cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await smtp.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken).ConfigureAwait(false);
        }

        await smtp.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await smtp.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        AlertsLogs.EmailDelivered(logger, alert.AlertId, recipients.Count);
    }

    private static SecureSocketOptions Map(EmailSecurity security) => security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        EmailSecurity.Auto => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };
}

/// <summary>The email channel (ReleaseWatch:Email). Without a host the channel is off.</summary>
public sealed class EmailOptions
{
    /// <summary>SMTP relay host (Office 365, SendGrid, ACS). Default: none (off).</summary>
    public string? Host { get; set; }

    /// <summary>Default 587.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Default StartTls.</summary>
    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    /// <summary>SMTP user; no authentication when empty. Default: none.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, required when the channel is on.</summary>
    public string? From { get; set; }

    /// <summary>Recipients of every alert. Default: none.</summary>
    public IList<string> To { get; } = [];

    /// <summary>Extra recipients by severity (Info, Warning, Critical), e.g. Recipients:Critical:0 = oncall@example.com.</summary>
    public IDictionary<AlertSeverity, IList<string>> Recipients { get; } = new Dictionary<AlertSeverity, IList<string>>();

    public IReadOnlyList<string> RecipientsFor(AlertSeverity severity) =>
        [.. To.Concat(Recipients.TryGetValue(severity, out var extra) ? extra : []).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>How the SMTP connection is secured (maps to MailKit's SecureSocketOptions).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<EmailSecurity>))]
public enum EmailSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}
