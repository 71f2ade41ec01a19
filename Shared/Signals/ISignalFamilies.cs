namespace ReleaseWatch.Signals;

/// <summary>Which signals of an org a family pattern names ("business.*.created", "traffic.*"), for metric templates.</summary>
public interface ISignalFamilies
{
    /// <summary>The signals the org's streams can produce that match <paramref name="pattern"/> (one '*' matching any text).</summary>
    IReadOnlyList<string> Members(string orgId, string pattern);

    /// <summary>Whether <paramref name="signal"/> belongs to the family <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, string signal)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return string.Equals(pattern, signal, StringComparison.Ordinal);
        }

        var prefix = pattern[..star];
        var suffix = pattern[(star + 1)..];
        return signal.Length > prefix.Length + suffix.Length
            && signal.StartsWith(prefix, StringComparison.Ordinal)
            && signal.EndsWith(suffix, StringComparison.Ordinal);
    }
}

/// <summary>The families when nothing captures signals: a template metric has no members.</summary>
internal sealed class NoSignalFamilies : ISignalFamilies
{
    public IReadOnlyList<string> Members(string orgId, string pattern) => [];
}
