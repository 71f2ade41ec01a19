using System.Security.Cryptography;
using System.Text;

namespace ReleaseWatch.Intake;

/// <summary>The native webhook's signature: <c>X-ReleaseWatch-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>.</summary>
internal static class WebhookSignature
{
    public const string HeaderName = "X-ReleaseWatch-Signature";
    private const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>True when <paramref name="header"/> is a valid signature of <paramref name="body"/> under any of the secrets.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, IEnumerable<string?> secrets)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var valid = false;
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
            // Constant time, and every secret is tried, so timing tells nothing about which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(expected, claimed);
        }

        return valid;
    }
}
