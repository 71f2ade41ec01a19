namespace ReleaseWatch.Scenarios;

/// <summary>
/// How busy an org is over its local day, as a fraction of its peak: quiet nights, a morning ramp, a full
/// working day, an evening decline. People also take lunch: user-driven business activity (records created
/// in the UI) dips around midday to the org's own level, while integrations and batch jobs do not.
/// </summary>
internal sealed class ActivityCurve(TimeSpan utcOffset, double lunchLevel)
{
    private static readonly (double Hour, double Level)[] Day =
    [
        (0, 0.08), (5, 0.08), (6, 0.14), (7, 0.3), (8, 0.62), (9, 0.9), (10, 1.0), (16, 1.0),
        (17, 0.75), (18, 0.45), (19, 0.3), (21, 0.18), (24, 0.08),
    ];

    /// <summary>The fraction of peak activity at an instant.</summary>
    public double At(DateTimeOffset at)
    {
        var hour = LocalHour(at);
        for (var i = 1; i < Day.Length; i++)
        {
            if (hour <= Day[i].Hour)
            {
                var (h0, l0) = Day[i - 1];
                var (h1, l1) = Day[i];
                return l0 + ((l1 - l0) * (hour - h0) / (h1 - h0));
            }
        }

        return Day[^1].Level;
    }

    /// <summary>User activity: the day's level, times the lunch dip (fully 12:15–12:45, easing in and out over half an hour).</summary>
    public double UsersAt(DateTimeOffset at)
    {
        var hour = LocalHour(at);
        var dip = hour switch
        {
            < 11.75 or > 13.25 => 0,
            < 12.25 => (hour - 11.75) / 0.5,
            <= 12.75 => 1,
            _ => (13.25 - hour) / 0.5,
        };
        return At(at) * (1 - (dip * (1 - lunchLevel)));
    }

    public double LocalHour(DateTimeOffset at) => (at.ToOffset(utcOffset).TimeOfDay.TotalHours + 24) % 24;
}
