using System.Diagnostics;
using System.Globalization;

namespace ReleaseWatch.Tests.Peers;

/// <summary>
/// A real RabbitMQ 3.10 with its AMQP 1.0 plugin (the stand-in for Service Bus), in a private directory,
/// on loopback. Its own node name, epmd port and distribution port, so stopping it (rabbitmqctl stop,
/// epmd -kill) never touches another test's broker. Can be stopped and started again (outage tests);
/// queues are declared at boot by load_definitions and survive the restart.
/// </summary>
public sealed class RabbitMqPeer : IAsyncLifetime
{
    public const string User = "releasewatch";
    public const string Password = "s3cret+/=";
    private const string Bin = "/usr/lib/rabbitmq/bin";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rw-rabbit-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string _node = "rw" + Guid.NewGuid().ToString("N")[..10] + "@localhost";
    private readonly int _epmdPort = FreePort.Next();
    private readonly int _distPort = FreePort.Next();
    private PeerProcess? _process;

    /// <summary>Queues declared at boot; tests may also use "/queue/NAME" addresses, which declare on attach.</summary>
    public static IReadOnlyList<string> Queues { get; } = ["release-commands", "release-command-results"];

    public int Port { get; } = FreePort.Next();

    /// <summary>An amqp:// URL; the password holds characters a SAS key has, escaped as a URL needs.</summary>
    public string AmqpUrl => $"amqp://{User}:{Uri.EscapeDataString(Password)}@127.0.0.1:{Port}";

    /// <summary>The same broker as a SAS-style connection string (SASL PLAIN with the rule name and key).</summary>
    public string SasConnectionString => $"Endpoint=amqp://127.0.0.1:{Port}/;SharedAccessKeyName={User};SharedAccessKey={Password}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(Path.Combine(_dir, "enabled_plugins"), "[rabbitmq_amqp1_0].");
        await File.WriteAllTextAsync(Path.Combine(_dir, "env.conf"), "");
        await File.WriteAllTextAsync(Path.Combine(_dir, "definitions.json"), Definitions());
        await File.WriteAllTextAsync(Path.Combine(_dir, "rabbitmq.conf"), string.Join('\n',
            $"listeners.tcp.default = 127.0.0.1:{Port}",
            $"load_definitions = {Path.Combine(_dir, "definitions.json")}",
            "loopback_users = none",
            "log.console = false",
            ""));
        await StartAsync();
    }

    public async Task StartAsync()
    {
        _process = PeerProcess.Start("rabbitmq", Path.Combine(Bin, "rabbitmq-server"), [], Environment(), _dir);
        await _process.WaitForPortAsync(Port, TimeSpan.FromSeconds(60));
    }

    /// <summary>Stops the broker the way an operator would (rabbitmqctl stop) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        await RunAsync(Path.Combine(Bin, "rabbitmqctl"), "-n", _node, "stop");
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            // Only this broker's epmd (its own ERL_EPMD_PORT); the shared default epmd is left alone.
            await RunAsync("/usr/bin/epmd", "-port", _epmdPort.ToString(CultureInfo.InvariantCulture), "-kill");
            Directory.Delete(_dir, recursive: true);
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["HOME"] = _dir,
        ["RABBITMQ_NODENAME"] = _node,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = _distPort.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["ERL_EPMD_PORT"] = _epmdPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_dir, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(_dir, "log"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_dir, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_dir, "rabbitmq.conf"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_dir, "env.conf"),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
    };

    private static string Definitions()
    {
        var queues = string.Join(',', Queues.Select(q =>
            "{\"name\":\"" + q + "\",\"vhost\":\"/\",\"durable\":true,\"auto_delete\":false,\"arguments\":{}}"));
        return $$"""
            {"users":[{"name":"{{User}}","password":"{{Password}}","tags":"administrator"}],
             "vhosts":[{"name":"/"}],
             "permissions":[{"user":"{{User}}","vhost":"/","configure":".*","write":".*","read":".*"}],
             "queues":[{{queues}}]}
            """;
    }

    private async Task RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
    }
}
