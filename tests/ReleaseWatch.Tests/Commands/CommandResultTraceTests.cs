using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Amqp;
using Amqp.Framing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseWatch.Commands;
using ReleaseWatch.Telemetry;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Commands;

/// <summary>A result from the deploy agent that carries its trace context continues that trace when it is received.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class CommandResultTraceTests(RabbitMqPeer rabbit)
{
    [Fact]
    public async Task A_result_with_a_traceparent_is_handled_inside_a_span_that_continues_the_agents_trace()
    {
        var agent = ActivityContext.Parse($"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01", null);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ReleaseWatchTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var queue = Responders.UniqueQueue();
        var handler = new SpanRecordingHandler();
        await using var services = Responders.Create(rabbit, queue, handler: handler, time: TimeProvider.System);
        var receiver = services.GetServices<IHostedService>().OfType<CommandResultReceiver>().Single();
        await using var probe = await QueueProbe.ConnectAsync(rabbit);

        await receiver.StartAsync(CancellationToken.None);
        var message = new Message
        {
            BodySection = new Data { Binary = Encoding.UTF8.GetBytes("""{"commandId":"cmd-1","status":"succeeded","completedAt":"2026-11-23T10:05:00Z"}""") },
            Properties = new Properties { MessageId = Guid.NewGuid().ToString(), ContentType = "application/json" },
            ApplicationProperties = new ApplicationProperties(),
        };
        message.ApplicationProperties["traceparent"] = $"00-{agent.TraceId}-{agent.SpanId}-01";
        await probe.SendAsync(queue + "-results", message);
        await Eventually.WaitUntilAsync(() => !handler.Spans.IsEmpty, TimeSpan.FromSeconds(20), "the result to be handled");
        await receiver.StopAsync(CancellationToken.None);

        var span = Assert.Single(handler.Spans);
        Assert.Equal(("receive command result", ActivityKind.Consumer), (span!.OperationName, span.Kind));
        Assert.Equal((agent.TraceId, agent.SpanId), (span.TraceId, span.ParentSpanId));
    }

    /// <summary>Accepts every result and remembers the span it was handled in.</summary>
    private sealed class SpanRecordingHandler : ICommandResultHandler
    {
        public ConcurrentQueue<Activity?> Spans { get; } = new();

        public Task<CommandResultOutcome> HandleAsync(CommandResult result, CancellationToken cancellationToken)
        {
            Spans.Enqueue(Activity.Current);
            return Task.FromResult(CommandResultOutcome.Accepted);
        }
    }
}
