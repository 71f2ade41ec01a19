using System.Globalization;
using System.Text;

namespace ReleaseWatch.Intake;

/// <summary>
/// The signature of an operator action: it covers what identifies the request, not only its body, so a captured
/// request cannot be replayed on another watch or later. <c>X-ReleaseWatch-Timestamp: &lt;Unix seconds&gt;</c> and
/// <c>X-ReleaseWatch-Signature: sha256=&lt;hex HMAC-SHA256 of "METHOD\nPATH\nTIMESTAMP\n" + raw body&gt;</c>, e.g.
/// <c>"POST\n/api/watches/w1a2…/actions\n1796205600\n{\"action\":\"abort\",…}"</c>.
/// </summary>
internal static class RequestSignature
{
    public const string TimestampHeader = "X-ReleaseWatch-Timestamp";

    public static string Sign(string method, string path, long timestamp, ReadOnlySpan<byte> body, string secret) =>
        WebhookSignature.Sign(Canonical(method, path, timestamp, body), secret);

    public static bool IsValid(string method, string path, long timestamp, ReadOnlySpan<byte> body, string? header, IEnumerable<string?> secrets) =>
        WebhookSignature.IsValid(Canonical(method, path, timestamp, body), header, secrets);

    /// <summary>The Unix seconds in <paramref name="header"/>, or null when it is not a whole number.</summary>
    public static long? ParseTimestamp(string? header) =>
        long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253402300800 ? seconds : null;

    private static byte[] Canonical(string method, string path, long timestamp, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{method.ToUpperInvariant()}\n{path}\n{timestamp}\n"));
        var bytes = new byte[head.Length + body.Length];
        head.CopyTo(bytes, 0);
        body.CopyTo(bytes.AsSpan(head.Length));
        return bytes;
    }
}
