namespace ReleaseWatch.Intake.Input;

/// <summary>
/// The case-safe suffix of an 18-character Salesforce id: for each 5-character chunk of the 15-character id, a bit
/// per upper-case letter (first character lowest) picks a character of A–Z0–5. A 15-character id has no suffix.
/// </summary>
internal static class OrgIdChecksum
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>The 3-character suffix the 15-character prefix of <paramref name="id"/> implies.</summary>
    public static string SuffixOf(string id)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id.Length, 15);
        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = Alphabet[bits];
        }

        return new string(suffix);
    }

    /// <summary>True for a 15-character id, or an 18-character one whose suffix matches its first 15 characters (case-insensitively, as Salesforce reads it).</summary>
    public static bool IsValid(string id) =>
        id.Length == 15 || (id.Length == 18 && string.Equals(id[15..], SuffixOf(id), StringComparison.OrdinalIgnoreCase));
}
