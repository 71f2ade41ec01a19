namespace ReleaseWatch.Alerts;

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
