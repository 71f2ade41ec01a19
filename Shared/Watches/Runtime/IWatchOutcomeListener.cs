using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Told after a watch step that changed the watch's phase is stored (e.g. rollouts gate their waves on it). A failing
/// listener is logged and never fails the step; a listener must therefore also reconcile on its own schedule.
/// </summary>
public interface IWatchOutcomeListener
{
    Task OnPhaseChangedAsync(WatchState before, WatchState after, CancellationToken cancellationToken);
}
