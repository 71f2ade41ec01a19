namespace ReleaseWatch.Tests.Deploy;

/// <summary>One request the in-test receiver got: the raw body bytes, as signed.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);
