namespace ReleaseWatch.Alerts;

/// <summary>One outbound alert channel (Teams, email). Throws when the channel did not accept the alert.</summary>
public interface IAlertChannel
{
    /// <summary>A short stable name, e.g. "teams", "email", used in routing and history.</summary>
    string Name { get; }

    Task DeliverAsync(Alert alert, CancellationToken cancellationToken);
}
