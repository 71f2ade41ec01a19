namespace ReleaseWatch.Outbox;

/// <summary>What an outbox row carries.</summary>
public enum OutboxItemKind
{
    /// <summary>A <see cref="Commands.ReleaseCommand"/> for the "release-commands" queue.</summary>
    Command,
    /// <summary>An <see cref="Alerts.Alert"/> for the alert channels.</summary>
    Alert,
}
