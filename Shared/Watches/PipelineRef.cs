namespace ReleaseWatch.Watches;

/// <summary>The deploy pipeline run that shipped the release.</summary>
public sealed record PipelineRef(string Name, Uri? RunUrl);
