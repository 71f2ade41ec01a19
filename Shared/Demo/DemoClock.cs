namespace ReleaseWatch.Demo;

/// <summary>
/// The demo's clock: starts at the current whole minute and runs <see cref="Speed"/> times faster than real
/// time, timers included, so a watch's minutes pass in seconds while every part keeps its own logic.
/// </summary>
internal sealed class DemoClock : TimeProvider
{
    private readonly long _startedAt;

    public DemoClock(TimeProvider real, double speed)
    {
        Real = real;
        Speed = speed;
        var now = real.GetUtcNow();
        Origin = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        _startedAt = real.GetTimestamp();
    }

    public TimeProvider Real { get; }

    public double Speed { get; }

    /// <summary>Demo time at start: the real time's whole minute.</summary>
    public DateTimeOffset Origin { get; }

    public override DateTimeOffset GetUtcNow() => Origin + Real.GetElapsedTime(_startedAt) * Speed;

    public override long GetTimestamp() => _startedAt + (long)((Real.GetTimestamp() - _startedAt) * Speed);

    public override long TimestampFrequency => Real.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new DemoTimer(Real.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    /// <summary>The real span a demo span takes.</summary>
    public TimeSpan ToReal(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Speed;
}

/// <summary>A real timer whose due times and periods are given in demo time.</summary>
internal sealed class DemoTimer(ITimer timer, DemoClock clock) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(clock.ToReal(dueTime), clock.ToReal(period));

    public void Dispose() => timer.Dispose();

    public ValueTask DisposeAsync() => timer.DisposeAsync();
}
