using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Alerts;

/// <summary>Mails the alert through an SMTP relay with MailKit; throws when the relay did not accept it.</summary>
internal sealed class EmailAlertChannel(IOptions<EmailOptions> options, ILogger<EmailAlertChannel> logger) : IAlertChannel
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

        using var message = AlertEmailBuilder.Build(alert, settings.From!, recipients);
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
