using System.Collections.Concurrent;
using System.Security.Cryptography;
using Amqp;
using Amqp.Listener;
using Amqp.Types;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>
/// An in-process AMQP 1.0 contract peer for <c>Azure.Messaging.ServiceBus</c>, on AMQPNetLite's listener, on a
/// free loopback port: the MSSBCBS SASL mechanism, a $cbs node that checks shared access signatures,
/// entity authorization per link, max-message-size, lock tokens as delivery tags, and the queue semantics of
/// <see cref="PeerQueue"/>. It proves what our code puts on the wire and how it settles; Service Bus itself
/// (sessions, the exact duplicate detection, lock renewal, TLS, Microsoft Entra) only a real namespace can.
/// </summary>
public sealed class ServiceBusPeer : IAsyncDisposable
{
    /// <summary>The Standard tier's limit, 256 KiB.</summary>
    public const ulong MaxMessageSize = 262144;

    private readonly ContainerHost _host;
    private readonly ConcurrentDictionary<string, PeerQueue> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    private ServiceBusPeer(TimeProvider time, IReadOnlyCollection<SasRule> rules)
    {
        _time = time;
        Rules = rules;
        Port = FreePort.Next();
        Cbs = new CbsNode(new SasTokenValidator(rules, time), time);
        var tags = new LockTokenTags();
        _host = new ContainerHost(new Address(Host, Port, null, null, "/", "amqp"));
        var listener = _host.Listeners[0];
        listener.SASL.EnableMechanism(new Symbol(CbsSaslProfile.Name), new CbsSaslProfile());
        listener.HandlerFactory = _ => tags;
        _host.RegisterRequestProcessor("$cbs", Cbs);
        _host.RegisterLinkProcessor(new PeerLinkProcessor(this, Cbs, tags));
        _host.Open();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public IReadOnlyCollection<SasRule> Rules { get; }

    /// <summary>The namespace's full-rights rule, as a new namespace has it.</summary>
    public SasRule RootRule => Rules.First();

    public CbsNode Cbs { get; }

    /// <summary>Starts a peer with a RootManageSharedAccessKey rule (random key, all rights) and any further rules.</summary>
    public static ServiceBusPeer Start(TimeProvider? time = null, params SasRule[] moreRules) =>
        new(time ?? TimeProvider.System, [new SasRule("RootManageSharedAccessKey", NewKey(), SasRights.All), .. moreRules]);

    /// <summary>A random 256-bit key in base64, as the portal generates.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// A SAS connection string for this peer. <c>UseDevelopmentEmulator=true</c> makes the SDK connect without
    /// TLS to the endpoint's port; everything else is the Service Bus connection string format.
    /// </summary>
    public string ConnectionString(SasRule? rule = null, string? key = null)
    {
        rule ??= RootRule;
        return $"Endpoint=sb://{Host}:{Port}/;SharedAccessKeyName={rule.Name};SharedAccessKey={key ?? rule.Key};UseDevelopmentEmulator=true";
    }

    public PeerQueue AddQueue(QueueSettings settings) =>
        _queues.TryAdd(settings.Name, new PeerQueue(settings, _time))
            ? _queues[settings.Name]
            : throw new InvalidOperationException($"The peer already has a queue '{settings.Name}'.");

    public bool HasQueue(string name) => _queues.ContainsKey(name);

    public PeerQueue Queue(string name) => _queues[name];

    public ValueTask DisposeAsync()
    {
        _host.Close();
        return ValueTask.CompletedTask;
    }
}
