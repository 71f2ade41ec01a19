using ReleaseWatch.Signals;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>Many orgs' windows of one signal as one: counts summed per minute, every org's channels and gaps kept, so the judge sees any gap.</summary>
internal static class FleetWindow
{
    public const string FleetOrg = "fleet";

    public static SignalWindow Sum(IReadOnlyList<SignalWindow> windows, string signal, DateTimeOffset from, DateTimeOffset to)
    {
        var counts = new Dictionary<DateTimeOffset, long>();
        foreach (var (minute, count) in windows.SelectMany(w => w.CountsByMinute))
        {
            counts[minute] = counts.GetValueOrDefault(minute) + count;
        }

        return new SignalWindow(FleetOrg, signal, from, to, counts, [.. windows.SelectMany(w => w.Channels)], [.. windows.SelectMany(w => w.Gaps)]);
    }
}
