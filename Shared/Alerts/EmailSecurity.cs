namespace ReleaseWatch.Alerts;

/// <summary>How the SMTP connection is secured (maps to MailKit's SecureSocketOptions).</summary>
public enum EmailSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}
