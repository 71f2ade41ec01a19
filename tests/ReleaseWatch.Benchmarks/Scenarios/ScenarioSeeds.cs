using ReleaseWatch.Scenarios;

namespace ReleaseWatch.Benchmarks.Scenarios;

/// <summary>
/// The seed of each recording in a run: stable across runs and machines, different per type (so types do not
/// share orgs), and named as "{type}-{seed}" (<see cref="ScenarioGenerator.Generate(string, ScenarioSpan?)"/> takes the name back).
/// </summary>
internal static class ScenarioSeeds
{
    public static int For(ScenarioType type, int runSeed, int index)
    {
        var hash = 2166136261u;
        foreach (var c in type.Name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var mixed = (hash ^ (uint)((runSeed * 1_000_003) + (index * 7919))) * 2654435761u;
        return (int)(mixed % 1_000_000_000u);
    }
}
