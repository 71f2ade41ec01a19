using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ReleaseWatch.Salesforce.Auth;

/// <summary>
/// The OAuth 2.0 JWT bearer assertion Salesforce expects: header {"alg":"RS256"}; claims iss = consumer key,
/// sub = username, aud = the login URL (https://login.salesforce.com, https://test.salesforce.com or a
/// My Domain URL), exp = a few minutes ahead; signed with the certificate's RSA key (RS256).
/// </summary>
internal static class JwtBearerAssertion
{
    public static string Create(string clientId, string username, Uri audience, string privateKeyPem, DateTimeOffset now)
    {
        var header = new JsonObject { ["alg"] = "RS256" };
        var claims = new JsonObject
        {
            ["iss"] = clientId,
            ["sub"] = username,
            ["aud"] = audience.GetLeftPart(UriPartial.Authority),
            ["exp"] = now.AddMinutes(3).ToUnixTimeSeconds(),
        };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
