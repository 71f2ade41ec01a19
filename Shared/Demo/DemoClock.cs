namespace ReleaseWatch.Demo;

/// <summary>
/// The demo's clock: starts at the current whole minute and stands still there until <see cref="Run"/> (the replay
/// feeds the baseline first, which takes real seconds that the fast clock would otherwise turn into demo minutes
/// the watch then judges half-replayed); from then it runs <see cref="Speed"/> times faster than real time, timers
/// included, so a watch's minutes pass in seconds while every part keeps its own logic.
/// </summary>
internal sealed class DemoClock : TimeProvider
{
    private long _startedAt;
    private volatile bool _running;

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

    /// <summary>Starts the clock from <see cref="Origin"/>; once only.</summary>
    public void Run()
    {
        if (!_running)
        {
            Interlocked.Exchange(ref _startedAt, Real.GetTimestamp());
            _running = true;
        }
    }

    public override DateTimeOffset GetUtcNow() => _running ? Origin + Real.GetElapsedTime(Interlocked.Read(ref _startedAt)) * Speed : Origin;

    public override long GetTimestamp()
    {
        var started = Interlocked.Read(ref _startedAt);
        return _running ? started + (long)((Real.GetTimestamp() - started) * Speed) : started;
    }

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
