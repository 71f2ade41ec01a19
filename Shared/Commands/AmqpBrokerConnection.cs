using Amqp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Commands;

/// <summary>
/// The one long-lived connection to a generic AMQP 1.0 broker (SASL PLAIN), with its links reused across sends.
/// Any failure resets it; the next call reconnects.
/// </summary>
internal sealed class AmqpBrokerConnection(
    IOptions<ServiceBusOptions> options,
    ILogger<AmqpBrokerConnection> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AmqpBrokerEndpoint _endpoint = AmqpBrokerEndpoint.From(options.Value);
    private readonly Dictionary<string, SenderLink> _senders = new(StringComparer.Ordinal);
    private Connection? _connection;
    private Session? _session;

    public async Task<SenderLink> GetSenderAsync(string queue, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var session = await EnsureSessionAsync(cancellationToken).ConfigureAwait(false);
            if (!_senders.TryGetValue(queue, out var sender) || sender.IsClosed)
            {
                sender = new SenderLink(session, "releasewatch-" + queue, options.Value.AddressPrefix + queue);
                _senders[queue] = sender;
            }

            return sender;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<ReceiverLink> CreateReceiverAsync(string queue, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var session = await EnsureSessionAsync(cancellationToken).ConfigureAwait(false);
            return new ReceiverLink(session, "releasewatch-" + queue, options.Value.AddressPrefix + queue);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the connection after a failure; the next call opens a new one.</summary>
    public async Task ResetAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await CloseQuietlyAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await ResetAsync().ConfigureAwait(false);

    private async Task<Session> EnsureSessionAsync(CancellationToken cancellationToken)
    {
        if (_connection is null || _connection.IsClosed || _session is null || _session.IsClosed)
        {
            await CloseQuietlyAsync().ConfigureAwait(false);
            _connection = await new ConnectionFactory().CreateAsync(_endpoint.Address, cancellationToken).ConfigureAwait(false);
            _session = new Session(_connection);
            ServiceBusLogs.Connected(logger, _endpoint.Host);
        }

        return _session;
    }

    private async Task CloseQuietlyAsync()
    {
        var connection = _connection;
        _connection = null;
        _session = null;
        _senders.Clear();
        if (connection is null || connection.IsClosed)
        {
            return;
        }

        try
        {
            await connection.CloseAsync(TimeSpan.FromSeconds(2), null).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmqpException or TimeoutException or ObjectDisposedException or IOException)
        {
            // The connection is already broken; closing it is best effort.
            ServiceBusLogs.CloseFailed(logger, ex.Message);
        }
    }
}
