using System.Text;

namespace ReleaseWatch.Salesforce.Classification;

/// <summary>
/// Salesforce is Java: a log message cut at a length limit can end in half of a surrogate pair (an emoji split in
/// two), which its JSON carries as an escape such as <c>"\ud83d"</c>. .NET cannot read that as a string, so one such
/// event would throw wherever a field is read, and its whole batch with it (redelivered, it would throw again). The
/// event is still an event: the unpaired half is replaced by U+FFFD before the text is parsed, so it is counted.
/// </summary>
internal static class LoneSurrogates
{
    private const string Replacement = "\\ufffd";

    /// <summary><paramref name="json"/> with every escaped unpaired surrogate replaced by U+FFFD; the same instance when there is none.</summary>
    public static string Repair(string json)
    {
        if (!json.Contains("\\u", StringComparison.OrdinalIgnoreCase))
        {
            return json;
        }

        StringBuilder? repaired = null;
        var copied = 0;
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\' || i + 1 >= json.Length)
            {
                continue;
            }

            if (json[i + 1] != 'u' || EscapedUnit(json, i) is not { } unit)
            {
                i++; // any other escape (\\, \", \n …) is two characters: the next one cannot start an escape
                continue;
            }

            var paired = char.IsHighSurrogate(unit) && EscapedUnit(json, i + 6) is { } low && char.IsLowSurrogate(low);
            if (paired)
            {
                i += 11; // the pair is whole: keep both escapes
                continue;
            }

            if (char.IsSurrogate(unit))
            {
                repaired ??= new StringBuilder(json.Length);
                repaired.Append(json, copied, i - copied).Append(Replacement);
                copied = i + 6;
            }

            i += 5;
        }

        return repaired is null ? json : repaired.Append(json, copied, json.Length - copied).ToString();
    }

    /// <summary>The code unit of a <c>\uXXXX</c> escape starting at <paramref name="at"/>; null when there is none there.</summary>
    private static char? EscapedUnit(string json, int at)
    {
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u')
        {
            return null;
        }

        return ushort.TryParse(json.AsSpan(at + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var unit)
            ? (char)unit
            : null;
    }
}
