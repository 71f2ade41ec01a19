namespace ReleaseWatch.Scenarios;

/// <summary>How much traffic an org has in the hour before a deployment.</summary>
public enum OrgSize
{
    /// <summary>Fewer than 20 errors an hour, a few records a minute.</summary>
    Quiet,
    /// <summary>About 0.5–2.5 errors a minute, tens of records a minute.</summary>
    Medium,
    /// <summary>About 2–8 errors a minute, around a hundred records a minute.</summary>
    Busy,
}

/// <summary>
/// One org's character: who it is, where its users live, how it logs (Nebula Logger's level), how much it does
/// and how its chronic errors behave. Rates are means over the baseline hour before the deployment; the
/// activity curve moves them through the day.
/// </summary>
/// <param name="LogTransactionsPerMinute">Transactions that save Nebula Logger entries.</param>
/// <param name="ErrorsPerMinute">Chronic errors (the org's everyday failures), apart from bursts.</param>
/// <param name="ErrorShape">Gamma shape of the error intensity per episode: small is bursty (overdispersed).</param>
/// <param name="BurstsPerHour">Clusters of 8–12 errors of one kind within a minute (an endpoint hiccups, a bulk update contends).</param>
/// <param name="BatchErrorsPerHour">A flaky batch job's everyday failures (BatchApexErrorEvent), often zero.</param>
internal sealed record OrgProfile(
    string Id,
    string Name,
    string Domain,
    OrgSize Size,
    TimeSpan UtcOffset,
    double LunchLevel,
    string LoggingLevel,
    double LogTransactionsPerMinute,
    double ErrorsPerMinute,
    double ErrorShape,
    double BurstsPerHour,
    IReadOnlyList<ErrorFingerprint> ChronicErrors,
    IReadOnlyList<BusinessObject> Business,
    double BatchErrorsPerHour,
    IReadOnlyList<string> Users,
    string IntegrationUser)
{
    private static readonly string[] Names =
    [
        "Northwind Traders", "Contoso Retail", "Fabrikam Insurance", "Tailspin Toys", "Adventure Works", "Litware Health",
        "Wingtip Energy", "Proseware Logistics", "Woodgrove Bank", "Alpine Ski House", "Coho Winery", "Lucerne Publishing",
        "Fourth Coffee", "Trey Research", "Blue Yonder Airlines", "Humongous Insurance", "Relecloud", "Wide World Importers",
    ];

    private static readonly double[] Offsets = [-8, -7, -6, -5, -4, -3, 0, 1, 2, 5.5, 8, 9, 10];

    public static OrgProfile Create(Random random, OrgSize size)
    {
        var name = random.Pick(Names);
        var domain = name.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal) + ".com";
        var (transactions, errors, bursts, scale) = size switch
        {
            OrgSize.Quiet => (random.Uniform(2, 8), random.Uniform(0.03, 0.28), 0.0, random.Uniform(0.4, 2)),
            OrgSize.Medium => (random.Uniform(6, 20), random.Uniform(0.5, 2.5), random.Uniform(0.2, 1.2), random.Uniform(3, 10)),
            _ => (random.Uniform(15, 40), random.Uniform(2, 8), random.Uniform(0.3, 1.5), random.Uniform(8, 25)),
        };
        var level = random.Pick(["INFO", "INFO", "INFO", "INFO", "DEBUG", "WARN", "WARN"]);
        var chronic = ErrorCatalog.Chronic.OrderBy(_ => random.Next()).Take(random.Between(3, 7)).ToList();
        var users = Enumerable.Range(0, size == OrgSize.Quiet ? random.Between(3, 12) : random.Between(20, 80))
            .Select(_ => SalesforceIds.New(random, "005")).ToList();
        return new OrgProfile(
            SalesforceIds.New(random, "00D"), name, domain, size, TimeSpan.FromHours(random.Pick(Offsets)), random.Uniform(0.45, 0.9),
            level, level == "WARN" ? transactions * 0.15 : transactions, errors, random.Uniform(0.5, 4), bursts, chronic,
            BusinessObject.For(random, scale), random.Chance(0.25) ? random.Uniform(0.3, 2) : 0, users, SalesforceIds.New(random, "005"));
    }

    public string Username(string userId) => $"{userId[^6..].ToLowerInvariant()}@{Domain}";
}
