using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseWatch.Commands;
using ReleaseWatch.Commands.ServiceBus;
using ReleaseWatch.Tests.Commands;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class CommandResultsFunctionTests(AzuritePeer azurite) : IAsyncLifetime
{
    private readonly RecordingResultHandler _handler = new("cmd-1");
    private WebApplicationFactory<Program>? _factory;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999",
            ["ReleaseWatch:ServiceBus:ConnectionString"] = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc=",
        };
        _factory = new ReleaseWatchApp(azurite, settings).WithWebHostBuilder(builder =>
        {
            builder.ConfigureTestServices(services => services.AddSingleton<ICommandResultHandler>(_handler));
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Post_stores_a_result_the_host_encoded_twice_and_answers_the_custom_handler_response()
    {
        var result = """{"commandId":"cmd-1","status":"succeeded","detail":"deployed 2.3.1","completedAt":"2026-11-23T10:05:00Z"}""";
        var invocation = JsonSerializer.Serialize(new { Data = new { result = JsonSerializer.Serialize(JsonSerializer.Serialize(result)) }, Metadata = new { DeliveryCount = 1 } });

        using var response = await _factory!.CreateClient().PostAsync(new Uri("/CommandResults", UriKind.Relative), new StringContent(invocation, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"Outputs":{},"Logs":[],"ReturnValue":null}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(CommandResultStatus.Succeeded, Assert.Single(_handler.Results).Status);
    }

    [Theory]
    [InlineData("""{"Data":{"result":"{ not json"},"Metadata":{}}""")]
    [InlineData("""{"Data":{"result":"{\"commandId\":\"cmd-other\",\"status\":\"failed\",\"completedAt\":\"2026-11-23T10:05:00Z\"}"},"Metadata":{}}""")]
    [InlineData("""{"Data":{},"Metadata":{}}""")]
    public async Task Post_answers_400_to_a_malformed_or_unknown_result_so_the_host_dead_letters_it(string invocation)
    {
        using var response = await _factory!.CreateClient().PostAsync(new Uri("/CommandResults", UriKind.Relative), new StringContent(invocation, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_handler.Results);
    }

    [Fact]
    public void Functions_mode_runs_no_results_receiver_of_its_own()
    {
        Assert.DoesNotContain(_factory!.Services.GetServices<IHostedService>(), s => s is CommandResultReceiver or ServiceBusResultProcessor);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
