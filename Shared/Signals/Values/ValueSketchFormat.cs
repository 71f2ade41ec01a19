using System.Buffers.Binary;

namespace ReleaseWatch.Signals.Values;

/// <summary>
/// The stored form of a <see cref="ValueSketch"/>: version byte 1, then count, zero count, sum, min, max, and per
/// sign the bins as (index delta, count) varints, lowest index first. At most ~40 KB (2 × 2048 bins), inside Table
/// Storage's 64 KB binary property. A form that does not read back whole is refused, never half-read.
/// </summary>
public static class ValueSketchFormat
{
    private const byte Version = 1;

    public static byte[] Write(ValueSketch sketch)
    {
        ArgumentNullException.ThrowIfNull(sketch);
        using var stream = new MemoryStream();
        stream.WriteByte(Version);
        WriteVarint(stream, (ulong)sketch.Count);
        WriteVarint(stream, (ulong)sketch.ZeroCount);
        WriteDouble(stream, sketch.Sum);
        WriteDouble(stream, sketch.Min);
        WriteDouble(stream, sketch.Max);
        WriteBins(stream, sketch.Positive);
        WriteBins(stream, sketch.Negative);
        return stream.ToArray();
    }

    /// <summary>Reads a stored sketch; false (and an empty sketch) for bytes that are not one whole, consistent sketch.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out ValueSketch sketch)
    {
        sketch = new ValueSketch();
        var reader = new Reader(bytes);
        if (!reader.Byte(out var version) || version != Version
            || !reader.Varint(out var count) || !reader.Varint(out var zero)
            || !reader.Double(out var sum) || !reader.Double(out var min) || !reader.Double(out var max))
        {
            return false;
        }

        var parsed = new ValueSketch { Count = (long)count, ZeroCount = (long)zero, Sum = sum, Min = min, Max = max };
        if (!ReadBins(ref reader, parsed.Positive) || !ReadBins(ref reader, parsed.Negative) || !reader.AtEnd)
        {
            return false;
        }

        var binned = parsed.Positive.Values.Concat(parsed.Negative.Values).Aggregate(0L, (a, b) => a + b) + parsed.ZeroCount;
        if (count > long.MaxValue || binned != parsed.Count || (parsed.Count > 0 && !(min <= max)))
        {
            return false;
        }

        sketch = parsed;
        return true;
    }

    private static void WriteBins(MemoryStream stream, SortedDictionary<int, long> bins)
    {
        WriteVarint(stream, (ulong)bins.Count);
        var previous = 0L;
        foreach (var (index, count) in bins)
        {
            var delta = index - previous;
            WriteVarint(stream, (ulong)((delta << 1) ^ (delta >> 63)));
            WriteVarint(stream, (ulong)count);
            previous = index;
        }
    }

    private static bool ReadBins(ref Reader reader, SortedDictionary<int, long> bins)
    {
        if (!reader.Varint(out var n) || n > ValueSketch.MaxBins)
        {
            return false;
        }

        var index = 0L;
        for (var i = 0UL; i < n; i++)
        {
            if (!reader.Varint(out var zigzag) || !reader.Varint(out var count) || count == 0 || count > long.MaxValue)
            {
                return false;
            }

            var delta = (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
            index += delta;
            if ((i > 0 && delta <= 0) || index is < int.MinValue or > int.MaxValue)
            {
                return false;
            }

            bins[(int)index] = (long)count;
        }

        return true;
    }

    private static void WriteVarint(MemoryStream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    private static void WriteDouble(MemoryStream stream, double value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(buffer, value);
        stream.Write(buffer);
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public bool Byte(out byte value)
        {
            value = 0;
            if (_at >= _bytes.Length)
            {
                return false;
            }

            value = _bytes[_at++];
            return true;
        }

        public bool Varint(out ulong value)
        {
            value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (!Byte(out var b))
                {
                    return false;
                }

                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return true;
                }
            }

            return false;
        }

        public bool Double(out double value)
        {
            value = 0;
            if (_bytes.Length - _at < 8)
            {
                return false;
            }

            value = BinaryPrimitives.ReadDoubleLittleEndian(_bytes.Slice(_at, 8));
            _at += 8;
            return true;
        }
    }
}
