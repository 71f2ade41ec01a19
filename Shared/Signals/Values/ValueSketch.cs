namespace ReleaseWatch.Signals.Values;

/// <summary>
/// A mergeable log-bucketed histogram of values (the DDSketch idea): a value v lands in bin ceil(log_γ |v|) with
/// γ = (1 + α) / (1 − α), so any quantile read back is within relative error α of a value of the right rank.
/// Merging adds bin counts, so the sketch of a window is the merge of its minutes' sketches, in any order and
/// grouping. At most <see cref="MaxBins"/> bins per sign: beyond that the lowest bins fold into one (small values
/// lose precision first; latency tails keep theirs). Values nearer zero than <see cref="MinMagnitude"/> count as zero.
/// </summary>
public sealed class ValueSketch
{
    /// <summary>The relative accuracy α of every quantile: 1%.</summary>
    public const double RelativeAccuracy = 0.01;

    public const int MaxBins = 2048;

    public const double MinMagnitude = 1e-9;

    internal static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);

    private static readonly double LogGamma = Math.Log(Gamma);

    internal SortedDictionary<int, long> Positive { get; } = [];

    internal SortedDictionary<int, long> Negative { get; } = [];

    public long ZeroCount { get; internal set; }

    public long Count { get; internal set; }

    public double Sum { get; internal set; }

    public double Min { get; internal set; } = double.PositiveInfinity;

    public double Max { get; internal set; } = double.NegativeInfinity;

    public bool IsEmpty => Count == 0;

    public double? Mean => Count == 0 ? null : Sum / Count;

    /// <summary>Adds one finite value; NaN and infinities are refused (the caller counts them as skipped).</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values can be added to a sketch.");
        }

        var magnitude = Math.Abs(value);
        if (magnitude < MinMagnitude)
        {
            ZeroCount++;
        }
        else
        {
            var store = value > 0 ? Positive : Negative;
            var index = Index(magnitude);
            store[index] = store.GetValueOrDefault(index) + 1;
            Collapse(store);
        }

        Count++;
        Sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    /// <summary>Adds every bin of <paramref name="other"/> to this sketch.</summary>
    public void Merge(ValueSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (store, from) in new[] { (Positive, other.Positive), (Negative, other.Negative) })
        {
            foreach (var (index, count) in from)
            {
                store[index] = store.GetValueOrDefault(index) + count;
            }

            Collapse(store);
        }

        ZeroCount += other.ZeroCount;
        Count += other.Count;
        Sum += other.Sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    public static ValueSketch MergeAll(IEnumerable<ValueSketch> sketches)
    {
        var merged = new ValueSketch();
        foreach (var sketch in sketches)
        {
            merged.Merge(sketch);
        }

        return merged;
    }

    /// <summary>
    /// The value at rank ⌊q·(n − 1)⌋ (0-based, lowest first), within relative error α; null when empty. q = 0 and
    /// q = 1 are the exact min and max; every answer is clamped into [min, max].
    /// </summary>
    public double? Quantile(double q)
    {
        if (Count == 0 || double.IsNaN(q) || q < 0 || q > 1)
        {
            return null;
        }

        if (q == 0)
        {
            return Min;
        }

        if (q == 1)
        {
            return Max;
        }

        var rank = (long)Math.Floor(q * (Count - 1));
        long seen = 0;
        // Lowest first: the most negative values (largest negative bins), then zero, then positive bins ascending.
        foreach (var (index, count) in Negative.Reverse())
        {
            seen += count;
            if (seen > rank)
            {
                return Clamp(-Value(index));
            }
        }

        seen += ZeroCount;
        if (seen > rank)
        {
            return Clamp(0);
        }

        foreach (var (index, count) in Positive)
        {
            seen += count;
            if (seen > rank)
            {
                return Clamp(Value(index));
            }
        }

        return Max;
    }

    internal static int Index(double magnitude) => (int)Math.Ceiling(Math.Log(magnitude) / LogGamma);

    /// <summary>The representative value of a bin: within α of every magnitude that lands in it.</summary>
    internal static double Value(int index) => 2 * Math.Pow(Gamma, index) / (Gamma + 1);

    private double Clamp(double value) => Math.Clamp(value, Min, Max);

    private static void Collapse(SortedDictionary<int, long> store)
    {
        if (store.Count <= MaxBins)
        {
            return;
        }

        // Fold every bin below the MaxBins highest into the lowest kept one. The result depends only on the set of
        // bins, so merging stays associative and commutative.
        var floor = store.Keys.Reverse().Skip(MaxBins - 1).First();
        var folded = 0L;
        foreach (var index in store.Keys.Where(k => k < floor).ToList())
        {
            folded += store[index];
            store.Remove(index);
        }

        store[floor] += folded;
    }
}
