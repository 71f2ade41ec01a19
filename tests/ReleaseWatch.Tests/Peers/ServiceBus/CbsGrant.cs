namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>
/// What one accepted put-token allows on its connection: the rights of the token's rule, on the token's
/// resource and every entity under it (a namespace token covers all queues), until the token expires.
/// Schemes and ports are ignored, as Service Bus does (the SDK signs <c>amqps://ns/</c> and asks for <c>sb://ns/queue</c>).
/// </summary>
public sealed record CbsGrant(string Resource, SasRights Rights, DateTimeOffset Expiry)
{
    public bool Covers(string audience, SasRights needed, DateTimeOffset now) =>
        Expiry > now && (Rights & needed) == needed && IsUnder(audience, Resource);

    public static bool IsUnder(string audience, string resource)
    {
        if (!Uri.TryCreate(audience, UriKind.Absolute, out var wanted) || !Uri.TryCreate(resource, UriKind.Absolute, out var granted))
        {
            return false;
        }

        if (!string.Equals(wanted.Host, granted.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var scope = granted.AbsolutePath.TrimEnd('/');
        var path = wanted.AbsolutePath.TrimEnd('/');
        return scope.Length == 0 ||
            path.Equals(scope, StringComparison.OrdinalIgnoreCase) ||
            path.StartsWith(scope + "/", StringComparison.OrdinalIgnoreCase);
    }
}
