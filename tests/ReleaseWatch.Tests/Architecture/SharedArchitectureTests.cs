using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Architecture;

/// <summary>
/// The shape of Shared/, read from the compiled assembly: capability folders (namespaces) that never reference each
/// other both ways, a vocabulary that depends on nothing, no ASP.NET Core types, services looked up only in composition.
/// </summary>
public sealed class SharedArchitectureTests
{
    // The composition root registers every capability: it alone may know them all (nothing refers to it).
    private const string CompositionRoot = "ReleaseWatch.ReleaseWatchServiceCollectionExtensions";

    private static readonly Lazy<IReadOnlyList<(string From, string To)>> Edges = new(() =>
        [.. SharedReferences.Of(typeof(ReleaseWatchJson).Assembly.Location)
            .Where(e => IsOurs(e.From) && IsOurs(e.To) && e.From != CompositionRoot)]);

    [Fact]
    public void No_capability_folder_of_Shared_references_one_that_references_it_back()
    {
        var cycles = NamespaceCycles.Find(Edges.Value, Capability);

        Assert.True(cycles.Count == 0, "Capability folders that reference each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void No_namespace_of_Shared_references_one_that_references_it_back()
    {
        var cycles = NamespaceCycles.Find(Edges.Value, SharedReferences.NamespaceOf);

        Assert.True(cycles.Count == 0, "Namespaces that reference each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void The_shared_vocabulary_depends_on_no_other_folder()
    {
        var outward = Edges.Value
            .Where(e => SharedReferences.NamespaceOf(e.From) == "ReleaseWatch.Deployments" && SharedReferences.NamespaceOf(e.To) != "ReleaseWatch.Deployments")
            .Select(e => $"{e.From} -> {e.To}");

        Assert.Empty(outward);
    }

    [Fact]
    public void Shared_uses_no_ASP_NET_Core_type()
    {
        var web = SharedReferences.External(typeof(ReleaseWatchJson).Assembly.Location)
            .Where(t => t.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));

        Assert.Empty(web);
    }

    [Fact]
    public void Services_are_looked_up_only_in_composition_files()
    {
        string[] lookups = ["GetService<", "GetRequiredService<", "IServiceProvider", "ActivatorUtilities"];
        var found = Directory.EnumerateFiles(RepoPaths.Of("Shared"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !Path.GetFileName(f).EndsWith("ServiceCollectionExtensions.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => lookups.Any(s => l.Text.Contains(s, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(RepoPaths.Of("Shared"), l.File)}:{l.Line}: {l.Text.Trim()}");

        Assert.Empty(found);
    }

    [Fact]
    public void The_cycle_check_names_every_folder_of_a_cycle_with_the_types_that_make_it()
    {
        (string, string)[] edges =
        [
            ("ReleaseWatch.Outbox.Dispatcher", "ReleaseWatch.Watches.Runner"),
            ("ReleaseWatch.Watches.Runner", "ReleaseWatch.Alerts.Alert"),
            ("ReleaseWatch.Alerts.Router", "ReleaseWatch.Outbox.Item"),
            ("ReleaseWatch.Judging.Judge", "ReleaseWatch.Signals.Window"),
        ];

        var cycle = Assert.Single(NamespaceCycles.Find(edges, Capability));

        Assert.StartsWith("ReleaseWatch.Alerts -> ReleaseWatch.Outbox -> ReleaseWatch.Watches -> ReleaseWatch.Alerts", cycle, StringComparison.Ordinal);
        Assert.Contains("ReleaseWatch.Outbox.Dispatcher -> ReleaseWatch.Watches.Runner", cycle, StringComparison.Ordinal);
        Assert.DoesNotContain("Judging", cycle, StringComparison.Ordinal);
    }

    private static bool IsOurs(string type) => type.StartsWith("ReleaseWatch.", StringComparison.Ordinal);

    /// <summary>ReleaseWatch.Watches.Deciding.WatchState → ReleaseWatch.Watches; a root type → ReleaseWatch.</summary>
    private static string Capability(string type)
    {
        var parts = SharedReferences.NamespaceOf(type).Split('.');
        return string.Join('.', parts.Take(2));
    }
}
