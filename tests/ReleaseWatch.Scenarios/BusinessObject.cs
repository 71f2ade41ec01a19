namespace ReleaseWatch.Scenarios;

/// <summary>
/// An object whose Change Data Capture stream the org sends: records created, updated and deleted per minute
/// by people (these follow the day and dip at lunch), and an integration that updates a batch of records every
/// few minutes (it runs on a timer, not on people).
/// </summary>
/// <param name="Entity">The object's API name: Opportunity, Case, Invoice__c.</param>
/// <param name="KeyPrefix">The first three characters of its record ids.</param>
/// <param name="SyncEvery">How often the integration runs, or null for none.</param>
/// <param name="SyncSize">How many records one integration run updates.</param>
internal sealed record BusinessObject(
    string Entity,
    string KeyPrefix,
    double CreatesPerMinute,
    double UpdatesPerMinute,
    double DeletesPerMinute,
    TimeSpan? SyncEvery,
    int SyncSize)
{
    /// <summary>The CDC channel: /data/OpportunityChangeEvent, /data/Invoice__ChangeEvent.</summary>
    public string Channel => Entity.EndsWith("__c", StringComparison.Ordinal)
        ? $"/data/{Entity[..^1]}ChangeEvent"
        : $"/data/{Entity}ChangeEvent";

    /// <summary>The signal the default rules name for creates: business.opportunity.created.</summary>
    public string CreatedSignal => $"business.{Entity.ToLowerInvariant()}.created";

    /// <summary>People create, update and delete at the org's scale; an integration runs on some objects.</summary>
    public static IReadOnlyList<BusinessObject> For(Random random, double scale)
    {
        var objects = new List<BusinessObject>();
        void Add(double probability, string entity, string prefix, double creates, double updates, double syncChance)
        {
            if (random.Chance(probability))
            {
                var sync = random.Chance(syncChance) ? TimeSpan.FromMinutes(random.Pick([5, 10, 15, 30])) : (TimeSpan?)null;
                objects.Add(new BusinessObject(entity, prefix, creates * scale * random.Uniform(0.7, 1.3), updates * scale * random.Uniform(0.6, 1.5),
                    0.02 * scale * random.Uniform(0, 1), sync, random.Between(20, 150)));
            }
        }

        Add(0.85, "Opportunity", "006", 1, 1.5, 0.1);
        Add(0.4, "Account", "001", 0.3, 1, 0.5);
        Add(0.45, "Case", "500", 0.8, 1.8, 0.1);
        Add(0.3, "Lead", "00Q", 0.7, 1, 0.2);
        Add(0.2, "Invoice__c", "a0B", 0.2, 0.4, 0.9);
        // Orgs stream the few objects that matter to them (each CDC channel costs delivery allocation).
        if (objects.Count > 3)
        {
            objects.RemoveRange(3, objects.Count - 3);
        }

        if (objects.Count == 0)
        {
            objects.Add(new BusinessObject("Opportunity", "006", scale, 2 * scale, 0.01 * scale, null, 0));
        }

        return objects;
    }
}
