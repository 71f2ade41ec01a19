using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace ReleaseWatch.Judging;

/// <summary>
/// Reads one policy object's fields (configuration values are all strings) and fails with the policy, metric and
/// field named. Durations are ISO 8601 (PT60M, PT1M30S, P1D) or a TimeSpan (00:05:00); percentages "200%" or 200.
/// </summary>
internal sealed partial class PolicyFields(string policy, string? metric, string prefix, IConfiguration section)
{
    public PolicyFields Child(string key) => new(policy, metric, $"{prefix}{key}.", section.GetSection(key));

    public IConfiguration Section => section;

    public InvalidPolicyException Error(string key, string problem) => new(policy, metric, (prefix + key).TrimEnd('.'), problem);

    public void RejectUnknown(params string[] known)
    {
        var unknown = section.GetChildren().Select(c => c.Key)
            .FirstOrDefault(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            throw Error(unknown, $"is not a known field (known: {string.Join(", ", known)}).");
        }
    }

    public string? Text(string key) => string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

    public string RequiredText(string key) => Text(key) ?? throw Error(key, "is required.");

    public TimeSpan? Duration(string key) => Text(key) is not { } text ? null
        : ParseDuration(text) ?? throw Error(key, $"must be an ISO 8601 duration like \"PT5M\" (got \"{text}\").");

    public double? Number(string key) => Text(key) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(key, $"must be a number like 5 or 0.01 (got \"{text}\").");

    public int? Integer(string key) => Text(key) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(key, $"must be a whole number like 20 (got \"{text}\").");

    public bool? Flag(string key) => Text(key) is not { } text ? null
        : bool.TryParse(text, out var value) ? value : throw Error(key, $"must be true or false (got \"{text}\").");

    public double? Percent(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        var number = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(key, $"must be a percentage like \"200%\" (got \"{text}\").");
    }

    /// <summary>One of the given words (case-insensitive), e.g. perMinute.</summary>
    public TEnum? Word<TEnum>(string key, params (string Word, TEnum Value)[] words)
        where TEnum : struct, Enum
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        foreach (var (word, value) in words)
        {
            if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw Error(key, $"must be one of {string.Join(", ", words.Select(w => $"\"{w.Word}\""))} (got \"{text}\").");
    }

    private static TimeSpan? ParseDuration(string text)
    {
        var match = IsoDuration().Match(text);
        if (match.Success && match.Groups.Cast<Group>().Skip(2).Any(g => g.Success))
        {
            double Part(int i) => match.Groups[i].Success ? double.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
            var span = TimeSpan.FromDays(Part(2)) + TimeSpan.FromHours(Part(3)) + TimeSpan.FromMinutes(Part(4)) + TimeSpan.FromSeconds(Part(5));
            return match.Groups[1].Success ? -span : span;
        }

        return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var plain) ? plain : null;
    }

    [GeneratedRegex(@"^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoDuration();
}
