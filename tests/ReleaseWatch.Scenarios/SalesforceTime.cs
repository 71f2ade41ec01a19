using System.Globalization;

namespace ReleaseWatch.Scenarios;

/// <summary>Timestamps as Salesforce writes them in event payloads: UTC, milliseconds, a Z.</summary>
internal static class SalesforceTime
{
    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Truncated to the millisecond, as every Salesforce timestamp is.</summary>
    public static DateTimeOffset Millis(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    /// <summary>A random hex token of the given length (request ids, transaction keys).</summary>
    public static string Hex(Random random, int length) =>
        string.Create(length, random, static (chars, random) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = "0123456789abcdef"[random.Next(16)];
            }
        });

    public static string Uuid(Random random) =>
        $"{Hex(random, 8)}-{Hex(random, 4)}-4{Hex(random, 3)}-{"89ab"[random.Next(4)]}{Hex(random, 3)}-{Hex(random, 12)}";
}
