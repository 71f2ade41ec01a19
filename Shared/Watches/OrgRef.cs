namespace ReleaseWatch.Watches;

/// <summary>The Salesforce org a deployment went to.</summary>
/// <param name="Id">The 18-character org id (00D...).</param>
/// <param name="Name">A human name, e.g. "Acme Production".</param>
/// <param name="Environment">e.g. production, uat, sandbox.</param>
public sealed record OrgRef(string Id, string Name, string Environment);
