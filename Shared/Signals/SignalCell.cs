using System.Globalization;
using System.Text;
using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Signals;

/// <summary>
/// One signal in one minute row: its count, its merged values (a value signal) and, for a failure signal, how often
/// each error fingerprint occurred with its newest time, so tallies stay true totals when only a few samples are kept.
/// </summary>
internal sealed class SignalCell
{
    /// <summary>Distinct fingerprints a cell keeps by name; the rest of a minute's are counted under <see cref="OtherFingerprints"/>.</summary>
    public const int MaxFingerprints = 200;

    /// <summary>The key the occurrences of fingerprints past <see cref="MaxFingerprints"/> are counted under.</summary>
    public const string OtherFingerprints = "~";

    public long Count { get; set; }

    public ValueStatistics? Values { get; set; }

    public Dictionary<string, FingerprintCount> Fingerprints { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts one occurrence of <paramref name="key"/>; returns how many of it the minute has counted now.</summary>
    public long CountFingerprint(string key, DateTimeOffset at)
    {
        if (!Fingerprints.ContainsKey(key) && Fingerprints.Count >= MaxFingerprints)
        {
            key = OtherFingerprints;
        }

        var counted = Fingerprints.TryGetValue(key, out var seen) ? seen : new FingerprintCount(0, at);
        var now = new FingerprintCount(counted.Count + 1, at > counted.LastAt ? at : counted.LastAt);
        Fingerprints[key] = now;
        return key == OtherFingerprints ? long.MaxValue : now.Count;
    }

    /// <summary>"key,count,lastTicks;…" (the cell's F property).</summary>
    public string WriteFingerprints()
    {
        var text = new StringBuilder();
        foreach (var (key, count) in Fingerprints)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(text.Length > 0 ? ";" : "")}{key},{count.Count},{count.LastAt.UtcTicks}");
        }

        return text.ToString();
    }

    public void ReadFingerprints(string? text)
    {
        foreach (var entry in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(',');
            if (parts.Length == 3 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var count) && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks))
            {
                Fingerprints[parts[0]] = new FingerprintCount(count, new DateTimeOffset(ticks, TimeSpan.Zero));
            }
        }
    }
}

/// <summary>How often one fingerprint occurred in a minute, and its newest occurrence.</summary>
internal readonly record struct FingerprintCount(long Count, DateTimeOffset LastAt);
