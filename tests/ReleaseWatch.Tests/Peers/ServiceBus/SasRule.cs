namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>What a shared access rule allows, as Service Bus names the claims.</summary>
[Flags]
public enum SasRights
{
    None = 0,
    Listen = 1,
    Send = 2,
    Manage = 4,
    All = Listen | Send | Manage,
}

/// <summary>A shared access rule of the peer's namespace: the key name a token's <c>skn</c> names, its key and rights.</summary>
public sealed record SasRule(string Name, string Key, SasRights Rights);
