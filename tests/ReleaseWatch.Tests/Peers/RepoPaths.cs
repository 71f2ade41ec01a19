namespace ReleaseWatch.Tests.Peers;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The npm-installed local peers (tests/peers/node_modules).</summary>
    public static string NodeModules => Of("tests", "peers", "node_modules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReleaseWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ReleaseWatch.sln above {AppContext.BaseDirectory}.");
    }
}
