using System.Security.Cryptography;
using System.Text;

namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// Compares what a sender presented with a configured secret in constant time (hashes of both, so neither the length
/// nor the first differing byte shows in the timing), and reads HTTP Basic credentials.
/// </summary>
internal static class SecretCheck
{
    public static bool Matches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? "")), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    /// <summary>True when <paramref name="authorization"/> is <c>Basic base64(user:password)</c> of the configured pair.</summary>
    public static bool BasicMatches(string? authorization, string? username, string? password)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password) || authorization is null
            || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? decoded : decoded[..colon];
        var pass = colon < 0 ? "" : decoded[(colon + 1)..];
        // Both compared whatever the first gives, so timing does not tell a right username from a wrong one.
        return Matches(user, username) & Matches(pass, password);
    }
}
