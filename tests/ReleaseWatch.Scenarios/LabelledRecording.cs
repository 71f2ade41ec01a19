namespace ReleaseWatch.Scenarios;

/// <summary>A generated recording (the recorder's JSON Lines, in the order received) and its label.</summary>
public sealed record LabelledRecording(ScenarioLabel Label, IReadOnlyList<string> Lines)
{
    public string Name => Label.Name;

    /// <summary>Writes <c>{name}.jsonl</c> and <c>{name}.label.json</c> into the folder; returns the recording's path.</summary>
    public async Task<string> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Name}.jsonl");
        await File.WriteAllLinesAsync(path, Lines, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{Name}.label.json"), Label.ToJson(), cancellationToken);
        return path;
    }
}
