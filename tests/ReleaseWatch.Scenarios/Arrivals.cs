namespace ReleaseWatch.Scenarios;

/// <summary>
/// When events happen. Real streams are not Poisson: the rate itself wanders (a busy spell, a quiet one), so
/// time is cut into episodes of random length, each with a gamma-distributed intensity around the mean rate
/// (a Cox process). Per-minute counts are then gamma-Poisson (negative binomial): a small shape gives
/// overdispersed, bursty counts; a large one approaches Poisson.
/// </summary>
internal static class Arrivals
{
    /// <param name="perMinute">The mean rate at an instant (the day's curve, a ramp, a drop).</param>
    /// <param name="shape">Gamma shape of an episode's intensity; <see cref="double.PositiveInfinity"/> for plain Poisson.</param>
    public static List<DateTimeOffset> Cox(Random random, DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, double> perMinute, double shape, TimeSpan meanEpisode)
    {
        var times = new List<DateTimeOffset>();
        var start = from;
        while (start < to)
        {
            var length = TimeSpan.FromSeconds(Math.Clamp(random.Exponential(meanEpisode.TotalSeconds), 5, 4 * meanEpisode.TotalSeconds));
            var end = start + length < to ? start + length : to;
            var intensity = double.IsPositiveInfinity(shape) ? 1 : random.GammaMeanOne(shape);
            var mean = Math.Max(0, perMinute(start + ((end - start) / 2))) * intensity * (end - start).TotalMinutes;
            var count = random.Poisson(mean);
            for (var i = 0; i < count; i++)
            {
                times.Add(start + ((end - start) * random.NextDouble()));
            }

            start = end;
        }

        times.Sort();
        return times;
    }

    /// <summary>A homogeneous Poisson process: isolated happenings (bursts, stray failures) at so many per hour.</summary>
    public static List<DateTimeOffset> PerHour(Random random, DateTimeOffset from, DateTimeOffset to, double perHour)
    {
        var times = new List<DateTimeOffset>();
        if (perHour <= 0)
        {
            return times;
        }

        for (var at = from + TimeSpan.FromHours(random.Exponential(1 / perHour)); at < to; at += TimeSpan.FromHours(random.Exponential(1 / perHour)))
        {
            times.Add(at);
        }

        return times;
    }

    /// <summary><paramref name="count"/> moments spread over <paramref name="spread"/> from <paramref name="at"/>, front-loaded as a burst is.</summary>
    public static IEnumerable<DateTimeOffset> Burst(Random random, DateTimeOffset at, int count, TimeSpan spread) =>
        Enumerable.Range(0, count).Select(_ => at + (spread * Math.Pow(random.NextDouble(), 1.5))).Order();
}
