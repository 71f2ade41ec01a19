namespace ReleaseWatch.Signals;

/// <summary>Which of an org's streams feed which signals, so a broken stream makes only its own signals unhealthy.</summary>
public interface ISignalSources
{
    /// <summary>Whether events on <paramref name="channel"/> of the org can be counted as <paramref name="signal"/>.</summary>
    bool CanFeed(string orgId, string channel, string signal);
}
