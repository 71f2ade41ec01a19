using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ReleaseWatch.Signals;

/// <summary>
/// What makes two failures "the same error": the exception type and where it happened (the class and method, the flow
/// or its element, the batch phase), with numbers, Salesforce ids, GUIDs and quoted values normalised away, so
/// "line 42" and "line 43" of one method, or one error on two records, are one fingerprint. Where the evidence names no
/// exception type (a log entry at ERROR), the message's skeleton takes its place. <see cref="Key"/> is short and
/// stable (safe in a Table Storage key); <see cref="Label"/> is what an alert says: "System.NullPointerException in
/// QuoteLineTrigger.recalculate".
/// </summary>
public sealed partial record ErrorFingerprint(string Key, string Label)
{
    private const int MaxPart = 160;

    public static ErrorFingerprint Of(SignalEvidence evidence) => Of(evidence.Type, evidence.Message, evidence.Source);

    public static ErrorFingerprint Of(string? type, string? message, string? source)
    {
        var what = Clean(type);
        var where = Location(source);
        var said = what.Length == 0 ? Skeleton(message) : "";
        var label = (what, where, said) switch
        {
            ("", "", "") => "(no message)",
            ("", "", _) => said,
            ("", _, "") => $"error in {where}",
            ("", _, _) => $"{said} in {where}",
            (_, "", _) => what,
            _ => $"{what} in {where}",
        };
        return new ErrorFingerprint(Hash(what + "\n" + where + "\n" + said), label);
    }

    /// <summary>"Class.QuoteLineTrigger.recalculate: line 42, column 1" → "QuoteLineTrigger.recalculate".</summary>
    internal static string Location(string? source)
    {
        var text = (source ?? "").Trim();
        // A stack trace or a multi-line origin: its first frame is where it failed.
        var newline = text.IndexOfAny(['\n', '\r']);
        if (newline >= 0)
        {
            text = text[..newline].Trim();
        }

        text = LineSuffix().Replace(text, "");
        text = text.StartsWith("Class.", StringComparison.Ordinal) ? text["Class.".Length..] : text;
        text = text.StartsWith("Trigger.", StringComparison.Ordinal) ? text["Trigger.".Length..] : text;
        return Skeleton(text);
    }

    /// <summary>A text with what varies between occurrences replaced: ids, GUIDs, hex, quoted values, numbers.</summary>
    internal static string Skeleton(string? text)
    {
        var value = Clean(text);
        if (value.Length == 0)
        {
            return "";
        }

        value = Guid().Replace(value, "{guid}");
        value = SalesforceId().Replace(value, m => m.Value.Any(char.IsDigit) ? "{id}" : m.Value);
        value = Quoted().Replace(value, "'…'");
        value = Hex().Replace(value, m => m.Value.Any(char.IsDigit) ? "{hex}" : m.Value);
        value = Number().Replace(value, "#");
        value = Spaces().Replace(value, " ");
        return value.Length > MaxPart ? value[..MaxPart] : value;
    }

    private static string Clean(string? text) => (text ?? "").Trim();

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));

    [GeneratedRegex(@":\s*line\s+\d+(,\s*column\s+\d+)?.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineSuffix();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Guid();

    // Salesforce record ids: 15 or 18 letters and digits (only tokens with a digit are taken, so words stay).
    [GeneratedRegex(@"\b[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex SalesforceId();

    [GeneratedRegex(@"'[^']*'|""[^""]*""", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b0x[0-9a-fA-F]+\b|\b[0-9a-fA-F]{8,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hex();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
