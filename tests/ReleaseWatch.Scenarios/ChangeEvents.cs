using System.Globalization;
using System.Text.Json.Nodes;

namespace ReleaseWatch.Scenarios;

/// <summary>
/// Change Data Capture events as CometD delivers them: a ChangeEventHeader (entityName, recordIds, changeType,
/// changeOrigin, transactionKey, sequenceNumber, commitTimestamp, commitNumber, commitUser, changed fields) and
/// the record's changed fields. Updates touch records the org already has.
/// </summary>
internal sealed class ChangeEvents(OrgProfile org, Random random)
{
    private const string UserOrigin = "com/salesforce/api/soap/60.0;client=SfdcInternalAPI/";
    private const string IntegrationOrigin = "com/salesforce/api/rest/60.0;client=MuleSoft";

    private readonly Dictionary<string, List<string>> _records = new(StringComparer.Ordinal);
    private long _commitNumber = 10_000_000_000 + random.Next(1_000_000_000);

    public GeneratedEvent Created(BusinessObject entity, DateTimeOffset at, string user)
    {
        var id = SalesforceIds.New(random, entity.KeyPrefix);
        var known = Records(entity);
        known.Add(id);
        if (known.Count > 500)
        {
            known.RemoveAt(random.Next(known.Count));
        }

        var fields = CreatedFields(entity.Entity, at, user);
        return Event(entity, at, "CREATE", [id], user, UserOrigin, fields);
    }

    public GeneratedEvent Updated(BusinessObject entity, DateTimeOffset at, string user, bool byIntegration)
    {
        var known = Records(entity);
        var id = known.Count > 0 && random.Chance(0.8) ? random.Pick(known) : SalesforceIds.New(random, entity.KeyPrefix);
        var (field, value) = UpdatedField(entity.Entity);
        var fields = new JsonObject { [field] = value, ["LastModifiedDate"] = SalesforceTime.Text(at), ["LastModifiedById"] = user };
        return Event(entity, at, "UPDATE", [id], user, byIntegration ? IntegrationOrigin : UserOrigin, fields, [field, "LastModifiedDate"]);
    }

    public GeneratedEvent Deleted(BusinessObject entity, DateTimeOffset at, string user)
    {
        var known = Records(entity);
        var id = known.Count > 0 ? known[random.Next(known.Count)] : SalesforceIds.New(random, entity.KeyPrefix);
        known.Remove(id);
        return Event(entity, at, "DELETE", [id], user, UserOrigin, []);
    }

    private List<string> Records(BusinessObject entity)
    {
        if (!_records.TryGetValue(entity.Entity, out var known))
        {
            _records[entity.Entity] = known = [];
        }

        return known;
    }

    private GeneratedEvent Event(BusinessObject entity, DateTimeOffset at, string change, string[] ids, string user, string origin, JsonObject fields, string[]? changed = null)
    {
        var committed = SalesforceTime.Millis(at);
        _commitNumber += random.Between(1, 40);
        var header = new JsonObject
        {
            ["entityName"] = entity.Entity,
            ["recordIds"] = new JsonArray([.. ids.Select(i => JsonValue.Create(i))]),
            ["changeType"] = change,
            ["changeOrigin"] = origin,
            ["transactionKey"] = SalesforceTime.Uuid(random),
            ["sequenceNumber"] = 1,
            ["commitTimestamp"] = committed.ToUnixTimeMilliseconds(),
            ["commitNumber"] = _commitNumber,
            ["commitUser"] = user,
            ["nulledFields"] = new JsonArray(),
            ["diffFields"] = new JsonArray(),
            ["changedFields"] = new JsonArray([.. (changed ?? []).Select(c => JsonValue.Create(c))]),
        };
        var payload = new JsonObject { ["ChangeEventHeader"] = header };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            payload[name] = value;
        }

        return new GeneratedEvent(committed, entity.Channel, payload);
    }

    private JsonObject CreatedFields(string entity, DateTimeOffset at, string user)
    {
        var fields = entity switch
        {
            "Opportunity" => new JsonObject
            {
                ["Name"] = $"{org.Name} renewal {random.Between(100, 999)}", ["StageName"] = random.Pick(["Prospecting", "Qualification"]),
                ["Amount"] = random.Between(5, 400) * 250, ["CloseDate"] = at.AddDays(random.Between(14, 120)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["AccountId"] = SalesforceIds.New(random, "001"), ["LeadSource"] = random.Pick(["Web", "Partner Referral", "Phone Inquiry"]),
            },
            "Account" => new JsonObject { ["Name"] = $"Customer {random.Between(1000, 99999)}", ["Type"] = "Prospect", ["BillingCountry"] = random.Pick(["US", "DE", "GB", "AU", "JP"]) },
            "Case" => new JsonObject { ["Subject"] = random.Pick(["Cannot log in", "Invoice question", "Delivery delayed", "Product defect"]), ["Status"] = "New", ["Priority"] = random.Pick(["Low", "Medium", "High"]), ["Origin"] = random.Pick(["Web", "Email", "Phone"]) },
            "Lead" => new JsonObject { ["LastName"] = $"Prospect {random.Between(1, 9999)}", ["Company"] = $"Company {random.Between(1, 9999)}", ["Status"] = "Open - Not Contacted" },
            _ => new JsonObject { ["Name"] = $"INV-{random.Between(100000, 999999)}", ["Amount__c"] = random.Between(100, 90000), ["Status__c"] = "Draft" },
        };
        fields["OwnerId"] = user;
        fields["CreatedDate"] = SalesforceTime.Text(at);
        fields["CreatedById"] = user;
        fields["LastModifiedDate"] = SalesforceTime.Text(at);
        fields["LastModifiedById"] = user;
        return fields;
    }

    private (string Field, JsonNode Value) UpdatedField(string entity) => entity switch
    {
        "Opportunity" => random.Chance(0.6) ? ("StageName", JsonValue.Create(random.Pick(["Needs Analysis", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]))) : ("Amount", JsonValue.Create(random.Between(5, 400) * 250)),
        "Account" => ("ERP_Id__c", JsonValue.Create($"ERP-{random.Between(100000, 999999)}")),
        "Case" => ("Status", JsonValue.Create(random.Pick(["Working", "Escalated", "Closed"]))),
        "Lead" => ("Status", JsonValue.Create(random.Pick(["Working - Contacted", "Closed - Not Converted"]))),
        _ => ("Status__c", JsonValue.Create(random.Pick(["Posted", "Paid"]))),
    };
}
