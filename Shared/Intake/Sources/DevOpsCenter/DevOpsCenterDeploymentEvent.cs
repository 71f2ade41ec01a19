using System.Text;
using System.Text.Json.Nodes;

namespace ReleaseWatch.Intake.Sources.DevOpsCenter;

/// <summary>
/// Reads one <c>/event/sf_devops__Deployment__e</c> message (DevOps Center developer guide, "Deployment
/// (sf_devops__Deployment__e)": it notifies subscribers when a work item's metadata is deployed to a pipeline stage).
/// Fields: <c>sf_devops__Target_Stage_Id__c</c> (mappings match it as <c>stage</c>, with the DevOps Center org as
/// <c>pipelineOrg</c>), <c>sf_devops__Deployment_Id__c</c> (the deployment in the target org: the key, so every event of
/// one deployment finds the same watch; else <c>EventUuid</c>), <c>sf_devops__Work_Item_Id__c</c> or
/// <c>sf_devops__Change_Bundle_Id__c</c> (what was released), and the event's <c>CreatedDate</c>.
/// </summary>
internal static class DevOpsCenterDeploymentEvent
{
    public const string Channel = "/event/sf_devops__Deployment__e";

    public static SourceReading Read(string pipelineOrgId, JsonObject message)
    {
        if (message["data"]?["payload"] is not JsonObject payload)
        {
            return SourceReading.Invalid("data.payload", "Required: the platform event's fields.");
        }

        if (JsonFields.Parse(Encoding.UTF8.GetBytes(payload.ToJsonString()), out var problem) is not { } fields)
        {
            return SourceReading.Invalid("data.payload", problem!);
        }

        var stage = fields.Text(true, "sf_devops__Target_Stage_Id__c");
        var key = fields.Text(false, "sf_devops__Deployment_Id__c") ?? fields.Text(true, "EventUuid");
        var workItem = fields.Text(false, "sf_devops__Work_Item_Id__c");
        var bundle = fields.Text(false, "sf_devops__Change_Bundle_Id__c");
        var completedAt = fields.Timestamp(true, "CreatedDate");
        if (workItem is null && bundle is null)
        {
            fields.Text(true, "sf_devops__Work_Item_Id__c"); // names the field: one of the two is always set
        }

        if (fields.Errors.Count > 0)
        {
            return SourceReading.Invalid(fields.Errors);
        }

        var version = workItem is not null ? $"work item {workItem}" : $"change bundle {bundle}";
        var match = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["stage"] = stage!,
            ["pipelineOrg"] = pipelineOrgId,
        };
        return SourceReading.Of(new SourceDeployment(SourceNames.DevOpsCenter, key!, match, version, null, null, completedAt!.Value, "DevOps Center", null));
    }
}
