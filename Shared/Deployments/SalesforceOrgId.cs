namespace ReleaseWatch.Deployments;

/// <summary>Salesforce org ids: "00D" + 12 (15-char, case-sensitive) or + 15 (18-char, with a case-safe suffix).</summary>
internal static class SalesforceOrgId
{
    public static bool IsValid(string? id) =>
        id is { Length: 15 or 18 } && id.StartsWith("00D", StringComparison.Ordinal) && id.All(char.IsAsciiLetterOrDigit);

    /// <summary>The 15-character prefix both forms share; used to match a 15-char id to its 18-char form.</summary>
    public static string Key(string id) => id.Length >= 15 ? id[..15] : id;
}
