using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Salesforce;

/// <summary>
/// An in-process Salesforce OAuth token endpoint (POST /services/oauth2/token) on 127.0.0.1: checks the JWT
/// bearer assertion (RS256 header, signature, iss/sub/aud/exp) or the client-credentials form, and answers
/// access_token + instance_url. Issued tokens are registered with the streaming peer.
/// </summary>
public sealed class TokenEndpoint : IAsyncDisposable
{
    public const string ClientId = "3MVG9-test-consumer-key";
    public const string Username = "integration@example.com";
    public const string ClientSecret = "test-consumer-secret";

    private readonly WebApplication _app;
    private int _issued;

    private TokenEndpoint(WebApplication app, RSA key, int port)
    {
        _app = app;
        Key = key;
        LoginUrl = new Uri($"http://127.0.0.1:{port}");
    }

    public RSA Key { get; }

    public Uri LoginUrl { get; }

    public string PrivateKeyPem => Key.ExportPkcs8PrivateKeyPem();

    public int Issued => _issued;

    public List<string> Refusals { get; } = [];

    public static async Task<TokenEndpoint> StartAsync(SalesforcePeer streaming)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var endpoint = new TokenEndpoint(app, RSA.Create(2048), port);
        app.MapPost("/services/oauth2/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var refusal = form["grant_type"].ToString() switch
            {
                "urn:ietf:params:oauth:grant-type:jwt-bearer" => endpoint.CheckAssertion(form["assertion"].ToString()),
                "client_credentials" => form["client_id"] == ClientId && form["client_secret"] == ClientSecret ? null : "invalid_client",
                _ => "unsupported_grant_type",
            };
            if (refusal is not null)
            {
                lock (endpoint.Refusals)
                {
                    endpoint.Refusals.Add(refusal);
                }

                return Results.Json(new { error = "invalid_grant", error_description = refusal }, statusCode: 400);
            }

            var token = $"00Dtoken{Interlocked.Increment(ref endpoint._issued)}";
            await streaming.AddTokenAsync(token);
            return Results.Json(new { access_token = token, instance_url = streaming.InstanceUrl.ToString().TrimEnd('/'), token_type = "Bearer" });
        });
        await app.StartAsync();
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Key.Dispose();
    }

    private string? CheckAssertion(string assertion)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return "malformed assertion";
        }

        var header = JsonNode.Parse(Decode(parts[0]));
        if (header?["alg"]?.GetValue<string>() != "RS256")
        {
            return "alg is not RS256";
        }

        if (!Key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "bad signature";
        }

        var claims = JsonNode.Parse(Decode(parts[1]))!;
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var exp = claims["exp"]?.GetValue<long>() ?? 0;
        return claims["iss"]?.GetValue<string>() != ClientId ? "iss"
            : claims["sub"]?.GetValue<string>() != Username ? "sub"
            : claims["aud"]?.GetValue<string>() != LoginUrl.GetLeftPart(UriPartial.Authority) ? "aud"
            : exp <= now || exp > now + 300 ? "exp"
            : null;
    }

    private static byte[] Decode(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
