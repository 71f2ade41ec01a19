using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Functions.Dashboard;

/// <summary>POST /backtest/run: the back-test engine behind the dashboard's access and antiforgery checks; every bad input a clear 4xx.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BacktestApiTests(AzuritePeer azurite) : IAsyncLifetime
{
    private const string User = "ana@example.com";
    private static readonly string Demo = RepoPaths.Of("Functions", "demo", "recording.jsonl");
    private ReleaseWatchApp _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new ReleaseWatchApp(azurite, new Dictionary<string, string?>
        {
            ["ReleaseWatch:Dashboard:Access"] = "AppService",
            ["ReleaseWatch:Dashboard:MaxRecordingBytes"] = "4194304",
        });
        _client = _app.CreateClient();
        _client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL-NAME", User);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_demo_recording_breaches_apex_errors_six_minutes_nineteen_after_the_deployment_with_a_revert()
    {
        var response = await PostAsync(await FormAsync(policy: "default", upload: await File.ReadAllTextAsync(Demo)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var breach = json.RootElement.GetProperty("breaches")[0];
        Assert.Equal(("apex-errors", "revert"), (breach.GetProperty("metric").GetString(), breach.GetProperty("command").GetString()));
        Assert.Equal(379, (int)TimeSpan.Parse(breach.GetProperty("after").GetString()!, System.Globalization.CultureInfo.InvariantCulture).TotalSeconds);
        var chart = json.RootElement.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "apex-errors");
        Assert.True(chart.GetProperty("points").GetArrayLength() > 3);
        Assert.Equal(JsonValueKind.Object, chart.GetProperty("breachSpan").ValueKind);
    }

    [Theory]
    [InlineData("", null, "ok", "policy: choose")]
    [InlineData("no-such-policy", null, "ok", "policy: no policy named 'no-such-policy'")]
    [InlineData("", "{\"name\": \"pasted\", \"window\": \"soon\"}", "ok", "policyJson:")]
    [InlineData("", "{not json", "ok", "policyJson:")]
    [InlineData("default", null, "bad-line", "line 2")]
    [InlineData("default", null, "none", "recording: choose a recording or upload one")]
    [InlineData("default", null, "unknown-listed", "recording: no recording named 'elsewhere'")]
    public async Task A_bad_input_is_400_naming_what_is_wrong(string policy, string? policyJson, string recording, string expected)
    {
        var first = (await File.ReadLinesAsync(Demo).FirstAsync())!;
        var form = recording switch
        {
            "bad-line" => await FormAsync(policy, policyJson, upload: first + "\n{\"receivedAt\": 1}\n"),
            "none" => await FormAsync(policy, policyJson),
            "unknown-listed" => await FormAsync(policy, policyJson, listed: "elsewhere"),
            _ => await FormAsync(policy, policyJson, upload: first),
        };

        var response = await PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_options_name_the_configured_policies_the_listed_recordings_and_the_size_limit()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/backtest/options"));

        Assert.Contains("default", json.RootElement.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("demo", json.RootElement.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(4194304, json.RootElement.GetProperty("maxRecordingBytes").GetInt64());
    }

    [Fact]
    public async Task A_recording_larger_than_the_limit_is_413()
    {
        var response = await PostAsync(await FormAsync("default", upload: new string('x', 4_300_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_forms_antiforgery_token_is_400_and_runs_nothing()
    {
        using var form = new MultipartFormDataContent { { new StringContent("default"), "policy" }, { new StringContent("demo"), "recording" } };

        var response = await _client.PostAsync("/backtest/run", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_body_is_415_and_a_request_without_a_signed_in_user_is_401()
    {
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");
        using var anonymous = _app.CreateClient();

        var wrongType = await _client.PostAsync("/backtest/run", json);
        var unsigned = await anonymous.PostAsync("/backtest/run", new MultipartFormDataContent());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    /// <summary>The form as the page sends it, with the antiforgery token the page's GET handed out (its cookie stays in the client).</summary>
    private async Task<MultipartFormDataContent> FormAsync(string policy, string? policyJson = null, string? upload = null, string? listed = null)
    {
        var (name, value) = await DashboardForms.TokenAsync(_client, "/backtest");
        var form = new MultipartFormDataContent
        {
            { new StringContent(value), name },
            { new StringContent(policy), "policy" },
        };
        if (policyJson is not null)
        {
            form.Add(new StringContent(policyJson), "policyJson");
        }

        if (upload is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(upload));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            form.Add(file, "upload", "recording.jsonl");
        }

        if (listed is not null)
        {
            form.Add(new StringContent(listed), "recording");
        }

        return form;
    }

    private async Task<HttpResponseMessage> PostAsync(MultipartFormDataContent form)
    {
        using (form)
        {
            return await _client.PostAsync("/backtest/run", form);
        }
    }
}
