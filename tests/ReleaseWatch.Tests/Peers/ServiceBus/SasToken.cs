using System.Globalization;
using System.Net;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>
/// A parsed <c>SharedAccessSignature sr=&lt;url-encoded resource&gt;&amp;sig=&lt;signature&gt;&amp;se=&lt;expiry&gt;&amp;skn=&lt;key name&gt;</c>.
/// The signature is over <c>sr</c> and <c>se</c> exactly as sent (<see cref="StringToSign"/>), not over a re-encoding.
/// </summary>
public sealed record SasToken(string Resource, string Signature, DateTimeOffset Expiry, string KeyName, string StringToSign)
{
    private const string Prefix = "SharedAccessSignature ";

    public static bool TryParse(string text, out SasToken? token, out string error)
    {
        token = null;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "The token does not start with \"SharedAccessSignature \".";
            return false;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text[Prefix.Length..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || !fields.TryAdd(pair[..at], pair[(at + 1)..]))
            {
                error = $"The token has a malformed or repeated field \"{pair}\".";
                return false;
            }
        }

        foreach (var required in (string[])["sr", "sig", "se", "skn"])
        {
            if (!fields.TryGetValue(required, out var value) || value.Length == 0)
            {
                error = $"The token has no \"{required}\".";
                return false;
            }
        }

        if (!long.TryParse(WebUtility.UrlDecode(fields["se"]), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            error = "The token's \"se\" is not a number of seconds since 1970.";
            return false;
        }

        token = new SasToken(
            WebUtility.UrlDecode(fields["sr"]),
            WebUtility.UrlDecode(fields["sig"]),
            DateTimeOffset.FromUnixTimeSeconds(seconds),
            WebUtility.UrlDecode(fields["skn"]),
            fields["sr"] + "\n" + WebUtility.UrlDecode(fields["se"]));
        error = "";
        return true;
    }
}
