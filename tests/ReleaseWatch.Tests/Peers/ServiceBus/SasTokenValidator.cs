using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>The answer to one put-token: the status code and description Service Bus would send, and the grant if accepted.</summary>
public sealed record CbsVerdict(int StatusCode, string Description, CbsGrant? Grant)
{
    public const int Accepted = 202;
    public const int BadRequest = 400;
    public const int Unauthorized = 401;

    public static CbsVerdict Refused(string description) => new(Unauthorized, description, null);
}

/// <summary>
/// Checks a shared access signature as Service Bus does: a known key name, the HMAC-SHA256 of
/// "&lt;sr as sent&gt;\n&lt;se&gt;" with that rule's key, not expired, and a resource that covers the audience asked for.
/// </summary>
public sealed class SasTokenValidator(IReadOnlyCollection<SasRule> rules, TimeProvider time)
{
    public CbsVerdict Validate(string tokenText, string audience)
    {
        if (!SasToken.TryParse(tokenText, out var parsed, out var error))
        {
            return CbsVerdict.Refused("InvalidToken: " + error);
        }

        var token = parsed!;
        var rule = rules.FirstOrDefault(r => string.Equals(r.Name, token.KeyName, StringComparison.Ordinal));
        if (rule is null || !SignatureMatches(token, rule.Key))
        {
            // Service Bus does not say whether the rule or the key was wrong.
            return CbsVerdict.Refused("InvalidSignature: The token has an invalid signature.");
        }

        var now = time.GetUtcNow();
        if (token.Expiry <= now)
        {
            return CbsVerdict.Refused(string.Create(CultureInfo.InvariantCulture,
                $"ExpiredToken: The token is expired. Expiration time: '{token.Expiry:u}', Current time: '{now:u}'."));
        }

        if (!CbsGrant.IsUnder(audience, token.Resource))
        {
            return CbsVerdict.Refused($"InvalidAudience: The token's resource '{token.Resource}' does not cover '{audience}'.");
        }

        return new CbsVerdict(CbsVerdict.Accepted, "Accepted", new CbsGrant(token.Resource, rule.Rights, token.Expiry));
    }

    private static bool SignatureMatches(SasToken token, string key)
    {
        byte[] given;
        try
        {
            given = Convert.FromBase64String(token.Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(token.StringToSign));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
