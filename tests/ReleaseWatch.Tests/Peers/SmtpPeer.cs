using System.Globalization;
using MimeKit;

namespace ReleaseWatch.Tests.Peers;

/// <summary>A real SMTP server (aiosmtpd) on a free loopback port, delivering into a private Maildir.</summary>
public sealed class SmtpPeer : IAsyncLifetime
{
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "rw-smtp-" + Guid.NewGuid().ToString("N")[..10]);
    private PeerProcess? _process;

    public int Port { get; } = FreePort.Next();

    public async Task InitializeAsync()
    {
        foreach (var sub in (string[])["cur", "new", "tmp"])
        {
            Directory.CreateDirectory(Path.Combine(_maildir, sub));
        }

        _process = PeerProcess.Start("aiosmtpd", "/usr/bin/python3",
        [
            "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture),
            "-c", "aiosmtpd.handlers.Mailbox", _maildir,
        ]);
        await _process.WaitForPortAsync(Port, TimeSpan.FromSeconds(30));
    }

    /// <summary>Every message delivered so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        [.. Directory.GetFiles(Path.Combine(_maildir, "new")).Select(f => MimeMessage.Load(f))];

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Directory.Delete(_maildir, recursive: true);
    }
}
