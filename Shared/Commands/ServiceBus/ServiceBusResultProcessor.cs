using System.Text;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Commands.ServiceBus;

/// <summary>
/// Standalone mode: receives "release-command-results" with the SDK's <see cref="ServiceBusProcessor"/> in
/// peek-lock, completes a result once the watch stored it, dead-letters what is malformed or unknown (reason =
/// the condition, e.g. releasewatch:malformed-result; description = why), and abandons a result whose storing
/// failed, after a back-off, so that it is redelivered rather than lost.
/// </summary>
internal sealed class ServiceBusResultProcessor : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    // Service Bus refuses dead-letter reasons and descriptions longer than this.
    private const int MaxDeadLetterText = 4096;

    private readonly ServiceBusProcessor _processor;
    private readonly CommandResultIntake _intake;
    private readonly TimeProvider _time;
    private readonly ILogger<ServiceBusResultProcessor> _logger;
    private TimeSpan _backOff = FirstBackOff;

    public ServiceBusResultProcessor(
        ServiceBusClient client,
        CommandResultIntake intake,
        IOptions<ServiceBusOptions> options,
        TimeProvider time,
        ILogger<ServiceBusResultProcessor> logger)
    {
        _intake = intake;
        _time = time;
        _logger = logger;
        // One result at a time: the back-off after a storage failure then slows the whole queue, not one call of many.
        _processor = client.CreateProcessor(options.Value.ResultsQueue, new ServiceBusProcessorOptions
        {
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            AutoCompleteMessages = false,
            MaxConcurrentCalls = 1,
        });
        _processor.ProcessMessageAsync += OnMessageAsync;
        _processor.ProcessErrorAsync += OnErrorAsync;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _processor.StartProcessingAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _processor.StopProcessingAsync(cancellationToken);

    public ValueTask DisposeAsync() => _processor.DisposeAsync();

    private async Task OnMessageAsync(ProcessMessageEventArgs args)
    {
        var message = args.Message;
        CommandResultDisposition disposition;
        try
        {
            disposition = await _intake.TakeAsync(TextOf(message), args.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!args.CancellationToken.IsCancellationRequested)
        {
            await AbandonAfterBackOffAsync(args, ex).ConfigureAwait(false);
            return;
        }

        _backOff = FirstBackOff;
        // Settle even while stopping: the result is stored (or judged poison) and must not come back.
        if (disposition.Accepted)
        {
            await args.CompleteMessageAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await args.DeadLetterMessageAsync(message, Limit(disposition.Condition), Limit(disposition.Reason), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task AbandonAfterBackOffAsync(ProcessMessageEventArgs args, Exception failure)
    {
        var delay = _backOff;
        _backOff = TimeSpan.FromTicks(Math.Min(_backOff.Ticks * 2, MaxBackOff.Ticks));
        ServiceBusSdkLogs.ResultStoreFailed(_logger, args.Message.MessageId, delay, failure.Message);
        try
        {
            await Task.Delay(delay, _time, args.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: hand it back now.
        }

        await args.AbandonMessageAsync(args.Message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
    }

    private Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        var reason = args.Exception is ServiceBusException sb ? sb.Reason.ToString() : args.Exception.GetType().Name;
        ServiceBusSdkLogs.ProcessorError(_logger, args.ErrorSource.ToString(), args.EntityPath, reason, args.Exception.Message);
        return Task.CompletedTask;
    }

    /// <summary>The body as text, whether the agent sent data sections (the SDKs do) or an AMQP string value.</summary>
    private static string TextOf(ServiceBusReceivedMessage message)
    {
        var body = message.GetRawAmqpMessage().Body;
        if (body.TryGetData(out var data) && data is not null)
        {
            return Encoding.UTF8.GetString(data.SelectMany(d => d.ToArray()).ToArray());
        }

        return body.TryGetValue(out var value) ? value switch
        {
            string text => text,
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            _ => value?.ToString() ?? "",
        } : "";
    }

    private static string Limit(string text) => text.Length <= MaxDeadLetterText ? text : text[..MaxDeadLetterText];
}
