using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Alerts;
using ReleaseWatch.Outbox;
using ReleaseWatch.Tests.Commands;

namespace ReleaseWatch.Tests.Alerts;

public sealed class TeamsAlertChannelTests
{
    [Fact]
    public async Task DeliverAsync_posts_an_adaptive_card_that_microsofts_library_parses_without_errors_or_warnings()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var services = Create(webhook);

        await Channel(services).DeliverAsync(Some.Alert(), CancellationToken.None);

        var post = Assert.Single(webhook.Posts).Body;
        var (exitCode, output) = await CardValidator.ValidateAsync(post);
        Assert.True(exitCode == 0, output);
        using var message = JsonDocument.Parse(post);
        Assert.Equal("message", message.RootElement.GetProperty("type").GetString());
        var attachment = message.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        Assert.Equal("Attention", card.GetProperty("body")[0].GetProperty("color").GetString());
        Assert.Contains("observed 14 vs baseline 1.5 vs threshold above 5/min", post, StringComparison.Ordinal);
        Assert.Contains("Attempt to de-reference a null object", post, StringComparison.Ordinal);
        Assert.Equal(["https://ci.example.com/runs/7", "https://releasewatch.example.com/watches/watch-dep-42"],
            card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task CardValidator_reports_a_card_with_an_unknown_element()
    {
        var (exitCode, output) = await CardValidator.ValidateAsync("""{"type":"AdaptiveCard","version":"1.4","body":[{"type":"Sparkline"}]}""");

        Assert.Equal(1, exitCode);
        Assert.Contains("Sparkline", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_waits_as_long_as_Retry_After_says_when_throttled()
    {
        await using var webhook = await WebhookReceiver.StartAsync(throttles: 1, retryAfterSeconds: 2);
        await using var services = Create(webhook);

        await Channel(services).DeliverAsync(Some.Alert(), CancellationToken.None);

        var posts = webhook.Posts.ToArray();
        Assert.Equal(2, posts.Length);
        Assert.True(Stopwatch.GetElapsedTime(posts[0].At, posts[1].At) >= TimeSpan.FromSeconds(1.9),
            $"retried after {Stopwatch.GetElapsedTime(posts[0].At, posts[1].At)}, Retry-After asked for 2 s");
    }

    private static IAlertChannel Channel(ServiceProvider services) =>
        services.GetServices<IAlertChannel>().Single(c => c.Name == "teams");

    private static ServiceProvider Create(WebhookReceiver webhook)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseWatch:ServiceBus:ConnectionString"] = "amqp://u:p@127.0.0.1:1",
            ["ReleaseWatch:Teams:WebhookUrl"] = webhook.Url.AbsoluteUri,
            // Far shorter than Retry-After, so a retry that ignored the header would come too early.
            ["ReleaseWatch:Teams:RetryDelay"] = "00:00:00.050",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReleaseWatchResponders(configuration);
        return services.BuildServiceProvider();
    }
}
