namespace ReleaseWatch.Storage;

/// <summary>Every table ReleaseWatch uses. infra.bicep creates the same names.</summary>
internal static class TableNames
{
    /// <summary>One partition per watch: state row, history rows, outbox rows.</summary>
    public const string Watches = "watches";
    /// <summary>Due timers, claimed by the ticker.</summary>
    public const string Timers = "timers";
    /// <summary>Per (org, signal, minute) counts.</summary>
    public const string Signals = "signals";
    /// <summary>Trimmed failure events kept for alerts.</summary>
    public const string Evidence = "evidence";
    /// <summary>Replay checkpoints per (org, channel), source health and gaps.</summary>
    public const string Streams = "streams";
    /// <summary>Leases: one subscriber per org across instances.</summary>
    public const string Leases = "leases";
    /// <summary>Signatures of operator actions already taken, so a replayed request is refused.</summary>
    public const string Requests = "requests";

    public static IReadOnlyList<string> All { get; } = [Watches, Timers, Signals, Evidence, Streams, Leases, Requests];
}
