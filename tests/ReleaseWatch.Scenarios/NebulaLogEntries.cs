using System.Text.Json.Nodes;

namespace ReleaseWatch.Scenarios;

/// <summary>
/// Nebula Logger's <c>LogEntryEvent__e</c> as one Apex transaction publishes it: the entries the org's logging
/// level keeps (DEBUG, INFO, WARN), then the ERROR (rarely FATAL) if the transaction failed, all published
/// together when the transaction calls <c>Logger.saveLog()</c>, so they share one CreatedDate.
/// </summary>
internal sealed class NebulaLogEntries(OrgProfile org, Random random)
{
    public const string Channel = "/event/LogEntryEvent__e";

    private static readonly (string Origin, string Mode, string Message)[] Routine =
    [
        ("OpportunityTriggerHandler.afterUpdate", "Trigger", "Recalculated {n} opportunity line items"),
        ("ErpSyncQueueable.execute", "Queueable", "Order sync completed in {n} ms"),
        ("ErpSyncQueueable.execute", "Queueable", "Synced account {id:001} to ERP"),
        ("LeadRoutingService.route", "Trigger", "Lead {id:00Q} routed to queue Inside_Sales"),
        ("CaseAssignmentService.assign", "Trigger", "Case {id:500} assigned by territory rule {n}"),
        ("PricingEngine.price", "Aura", "Priced quote with {n} lines from pricebook cache"),
        ("QuoteController.saveQuote", "Aura", "Quote {id:0Q0} saved"),
        ("InvoiceService.linkToOrder", "REST", "Invoice linked to order {id:801}"),
        ("Lead_Nurture.Send_Welcome", "Flow", "Welcome email queued for lead {id:00Q}"),
        ("TaxServiceCallout.calculate", "Queueable", "Tax calculated for {n} lines"),
    ];

    private static readonly string[] Warnings =
    [
        "Callout took {n} ms (over the 2000 ms budget)",
        "Retrying ERP sync, attempt {n}",
        "Pricebook cache miss, loaded from SOQL",
        "Duplicate rule matched {n} records; saved anyway",
    ];

    /// <summary>One transaction's entries: routine ones as the logging level keeps them, then its failure if it failed.</summary>
    public IEnumerable<GeneratedEvent> Transaction(DateTimeOffset startedAt, ErrorFingerprint? failure)
    {
        var transactionId = SalesforceTime.Uuid(random);
        var requestId = SalesforceTime.Hex(random, 22);
        var user = random.Chance(0.2) ? org.IntegrationUser : random.Pick(org.Users);
        var routine = random.Pick(Routine);
        var published = SalesforceTime.Millis(startedAt + TimeSpan.FromMilliseconds(random.Uniform(40, 1800)));
        var entries = new List<(string Level, string Origin, string Mode, string Message, ErrorFingerprint? Failure)>();
        var kept = org.LoggingLevel switch { "DEBUG" => random.Between(2, 6), "INFO" => random.Between(1, 3), _ => 0 };
        for (var i = 0; i < kept; i++)
        {
            var level = org.LoggingLevel == "DEBUG" && random.Chance(0.5) ? "DEBUG" : random.Chance(0.08) ? "WARN" : "INFO";
            entries.Add((level, routine.Origin, routine.Mode, Placeholders.Fill(level == "WARN" ? random.Pick(Warnings) : routine.Message, random), null));
        }

        if (org.LoggingLevel == "WARN" && failure is null)
        {
            entries.Add(("WARN", routine.Origin, routine.Mode, Placeholders.Fill(random.Pick(Warnings), random), null));
        }

        if (failure is not null)
        {
            entries.Add((random.Chance(0.03) ? "FATAL" : "ERROR", failure.Location, failure.IsFlow ? "Flow" : routine.Mode, failure.Render(random), failure));
        }

        var loggedAt = startedAt;
        for (var i = 0; i < entries.Count; i++)
        {
            loggedAt += TimeSpan.FromMilliseconds(random.Uniform(2, 300));
            var (level, origin, mode, message, fault) = entries[i];
            yield return new GeneratedEvent(published, Channel, Entry(published, SalesforceTime.Millis(loggedAt < published ? loggedAt : published),
                user, transactionId, requestId, i + 1, level, origin, mode, message, fault));
        }
    }

    private JsonObject Entry(DateTimeOffset published, DateTimeOffset loggedAt, string user, string transactionId, string requestId,
        int number, string level, string origin, string mode, string message, ErrorFingerprint? failure)
    {
        var entry = new JsonObject
        {
            ["CreatedDate"] = SalesforceTime.Text(published),
            ["CreatedById"] = user,
            ["LoggingLevel__c"] = level,
            ["LoggingLevelOrdinal__c"] = level switch { "FATAL" => 9, "ERROR" => 8, "WARN" => 7, "INFO" => 6, _ => 5 },
            ["Message__c"] = failure is null || failure.IsFlow ? message : $"{failure.MethodName} failed: {message}",
            ["OriginLocation__c"] = origin,
            ["OriginType__c"] = failure?.IsFlow == true || mode == "Flow" ? "Flow" : "Apex",
            ["OriginSourceApiName__c"] = origin.Split('.')[0],
            ["OriginSourceActionName__c"] = origin.Split('.')[^1],
            ["SystemMode__c"] = mode,
            ["TransactionId__c"] = transactionId,
            ["TransactionEntryNumber__c"] = number,
            ["RequestId__c"] = requestId,
            ["Timestamp__c"] = SalesforceTime.Text(loggedAt),
            ["EpochTimestamp__c"] = loggedAt.ToUnixTimeMilliseconds(),
            ["LoggedById__c"] = user,
            ["LoggedByUsername__c"] = org.Username(user),
            ["UserLoggingLevel__c"] = org.LoggingLevel,
            ["OrganizationId__c"] = org.Id,
            ["OrganizationName__c"] = org.Name,
            ["OrganizationEnvironmentType__c"] = "Production",
            ["LoggerVersionNumber__c"] = "v4.15.8",
        };
        if (failure is { IsFlow: false })
        {
            entry["ExceptionType__c"] = failure.ExceptionType;
            entry["ExceptionMessage__c"] = message;
            entry["ExceptionStackTrace__c"] = failure.StackTrace();
            entry["ExceptionLocation__c"] = failure.Location;
            entry["StackTrace__c"] = failure.StackTrace();
        }

        return entry;
    }
}
