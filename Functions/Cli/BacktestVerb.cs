using System.Globalization;
using System.Text.Json.Nodes;
using ReleaseWatch.Backtest;
using ReleaseWatch.Deployments;
using ReleaseWatch.Judging;
using ReleaseWatch.Orgs;

namespace ReleaseWatch.Functions.Cli;

/// <summary>
/// ReleaseWatch backtest [--policy name|file.json] [--recording file.jsonl] [--deployed-at time]: runs a policy
/// over a recording through the live classifier, judge and decider, and prints each check's verdicts and where
/// it would have breached. Policies and org rules come from the service's own configuration.
/// </summary>
internal static class BacktestVerb
{
    public const string BundledRecording = "demo/recording.jsonl";

    private const string Usage = "usage: ReleaseWatch backtest [--policy <name|file.json>] [--recording <file.jsonl>] [--deployed-at <ISO 8601 time>]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--policy" or "--recording" or "--deployed-at") || i + 1 >= args.Length)
            {
                errors.WriteLine($"backtest: unexpected argument '{args[i]}'.");
                errors.WriteLine(Usage);
                return 2;
            }

            options[args[i]] = args[i + 1];
        }

        try
        {
            var configuration = VerbConfiguration.Build();
            var recording = await Recording.ReadAsync(Locate(options.GetValueOrDefault("--recording") ?? BundledRecording), cancellationToken);
            var org = configuration.GetSection("ReleaseWatch:Orgs").Get<List<OrgOptions>>()?
                .FirstOrDefault(o => string.Equals(SalesforceOrgId.Key(o.Id), SalesforceOrgId.Key(recording.OrgId), StringComparison.Ordinal));
            var policy = PolicyOf(options.GetValueOrDefault("--policy") ?? org?.Policy ?? PolicyCatalog.DefaultPolicyName, configuration);
            DateTimeOffset? deployedAt = options.TryGetValue("--deployed-at", out var at)
                ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
                : null;
            var report = await Backtester.RunAsync(recording, policy, org, deployedAt, cancellationToken);
            BacktestPrinter.Print(report, deployedAt is not null, output);
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidPolicyException or KeyNotFoundException or FormatException or UnauthorizedAccessException)
        {
            errors.WriteLine($"backtest: {e.Message}");
            return 1;
        }
    }

    /// <summary>A policy file (JSON, as under ReleaseWatch:Policies) when the argument names one, else a configured policy.</summary>
    private static Policy PolicyOf(string nameOrFile, IConfiguration configuration)
    {
        if (!nameOrFile.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return PolicyCatalog.FromConfiguration(configuration).Get(nameOrFile);
        }

        var json = File.ReadAllText(Locate(nameOrFile));
        var name = (JsonNode.Parse(json) as JsonObject)?["name"]?.GetValue<string>() ?? Path.GetFileNameWithoutExtension(nameOrFile);
        var file = new ConfigurationBuilder().AddInMemoryCollection([new($"{PolicyCatalog.SectionName}:{name}", json)]).Build();
        return PolicyCatalog.FromConfiguration(file).Get(name);
    }

    /// <summary>
    /// A path as the user typed it. A relative one is looked for in the shell's directory first ($PWD: `dotnet run`
    /// starts a web project in its own folder, not where the command was typed), then in the working directory,
    /// then beside the executable (where the bundled recording is). Not found: a clear error naming the places.
    /// </summary>
    internal static string Locate(string path, string? shellDirectory, string workingDirectory, string executableDirectory)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        string[] places = [.. new[] { shellDirectory, workingDirectory, executableDirectory }
            .Where(d => !string.IsNullOrEmpty(d) && Directory.Exists(d)).Select(d => Path.GetFullPath(d!)).Distinct(StringComparer.Ordinal)];
        return places.Select(d => Path.Combine(d, path)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{path} is not in {string.Join(", ", places)}.");
    }

    private static string Locate(string path) =>
        Locate(path, Environment.GetEnvironmentVariable("PWD"), Environment.CurrentDirectory, AppContext.BaseDirectory);
}
