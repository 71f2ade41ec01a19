namespace ReleaseWatch.Demo;

/// <summary>A real timer whose due times and periods are given in demo time.</summary>
internal sealed class DemoTimer(ITimer timer, DemoClock clock) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(clock.ToReal(dueTime), clock.ToReal(period));

    public void Dispose() => timer.Dispose();

    public ValueTask DisposeAsync() => timer.DisposeAsync();
}
