using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

public sealed class SasTokenValidatorTests
{
    private const string Audience = "amqp://127.0.0.1/release-commands";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly SasRule Send = new("releasewatch-send", ServiceBusPeer.NewKey(), SasRights.Send);

    [Fact]
    public void A_token_signed_with_the_rules_key_for_the_namespace_is_accepted_with_the_rules_rights()
    {
        var verdict = CreateSut().Validate(Token("amqps://127.0.0.1/", Send.Key, Now.AddMinutes(30)), Audience);

        Assert.Equal(202, verdict.StatusCode);
        Assert.Equal(new CbsGrant("amqps://127.0.0.1/", SasRights.Send, Now.AddMinutes(30)), verdict.Grant);
    }

    [Theory]
    [InlineData("other-key", "releasewatch-send", 30, "amqps://127.0.0.1/", "InvalidSignature")]
    [InlineData(null, "releasewatch-unknown", 30, "amqps://127.0.0.1/", "InvalidSignature")]
    [InlineData(null, "releasewatch-send", -1, "amqps://127.0.0.1/", "ExpiredToken")]
    [InlineData(null, "releasewatch-send", 30, "amqps://127.0.0.1/release-command-results", "InvalidAudience")]
    [InlineData(null, "releasewatch-send", 30, "amqps://10.0.0.1/", "InvalidAudience")]
    public void A_token_with_a_wrong_key_rule_expiry_or_resource_is_refused_with_401(string? key, string keyName, int minutes, string resource, string error)
    {
        var verdict = CreateSut().Validate(Token(resource, key ?? Send.Key, Now.AddMinutes(minutes), keyName), Audience);

        Assert.Equal(401, verdict.StatusCode);
        Assert.StartsWith(error, verdict.Description, StringComparison.Ordinal);
        Assert.Null(verdict.Grant);
    }

    [Fact]
    public void A_signature_over_a_different_resource_than_sr_says_is_refused()
    {
        var token = Token("amqps://127.0.0.1/release-commands", Send.Key, Now.AddMinutes(30))
            .Replace("release-commands", "release-commands-2", StringComparison.Ordinal);

        Assert.Equal(401, CreateSut().Validate(token, Audience + "-2").StatusCode);
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("SharedAccessSignature sr=amqps%3A%2F%2F127.0.0.1%2F&sig=abc&skn=releasewatch-send")]
    [InlineData("SharedAccessSignature sr=amqps%3A%2F%2F127.0.0.1%2F&sig=abc&se=soon&skn=releasewatch-send")]
    public void A_malformed_token_is_refused_saying_what_is_wrong(string token)
    {
        var verdict = CreateSut().Validate(token, Audience);

        Assert.Equal(401, verdict.StatusCode);
        Assert.StartsWith("InvalidToken: ", verdict.Description, StringComparison.Ordinal);
    }

    private static SasTokenValidator CreateSut() => new([Send], new FakeTimeProvider(Now));

    // The SDK's format: sr and the signed string use the url-encoded resource; sig is url-encoded base64.
    private static string Token(string resource, string key, DateTimeOffset expiry, string keyName = "releasewatch-send")
    {
        var sr = WebUtility.UrlEncode(resource);
        var se = expiry.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var sig = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(sr + "\n" + se)));
        return $"SharedAccessSignature sr={sr}&sig={WebUtility.UrlEncode(sig)}&se={se}&skn={keyName}";
    }
}
