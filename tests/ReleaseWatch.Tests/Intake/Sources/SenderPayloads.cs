using System.Globalization;

namespace ReleaseWatch.Tests.Intake.Sources;

/// <summary>
/// Notifications shaped as the senders document them: GitHub's webhook payload reference (deployment_status), Azure
/// DevOps' service hook event reference (its sample payloads), Gearset's "Standard CI outgoing webhook payload", and
/// DevOps Center's sf_devops__Deployment__e fields. Only ids, names and times are varied per test.
/// </summary>
internal static class SenderPayloads
{
    public static string GitHubDeploymentStatus(long deploymentId, string state = "success", string environment = "production", string repository = "octo-org/sf-app", string? payloadJson = null, DateTimeOffset? at = null)
    {
        var when = Iso(at ?? TimeProvider.System.GetUtcNow());
        var owner = repository.Split('/')[0];
        var name = repository.Split('/')[1];
        var payload = payloadJson ?? """{"version": "1.4.2", "previousVersion": "1.4.1"}""";
        return $$"""
        {
          "action": "created",
          "deployment_status": {
            "url": "https://api.github.com/repos/{{repository}}/deployments/{{deploymentId}}/statuses/{{deploymentId + 1}}",
            "id": {{deploymentId + 1}},
            "node_id": "MDE2OkRlcGxveW1lbnRTdGF0dXMx",
            "state": "{{state}}",
            "creator": { "login": "octocat", "id": 1, "type": "User", "site_admin": false },
            "description": "Deployment finished successfully.",
            "environment": "{{environment}}",
            "target_url": "https://github.com/{{repository}}/actions/runs/42",
            "log_url": "https://github.com/{{repository}}/actions/runs/42/job/7",
            "created_at": "{{when}}",
            "updated_at": "{{when}}",
            "deployment_url": "https://api.github.com/repos/{{repository}}/deployments/{{deploymentId}}",
            "repository_url": "https://api.github.com/repos/{{repository}}"
          },
          "deployment": {
            "url": "https://api.github.com/repos/{{repository}}/deployments/{{deploymentId}}",
            "id": {{deploymentId}},
            "node_id": "MDEwOkRlcGxveW1lbnQx",
            "sha": "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d",
            "ref": "main",
            "task": "deploy",
            "payload": {{payload}},
            "original_environment": "{{environment}}",
            "environment": "{{environment}}",
            "description": "Deploy request from the release workflow",
            "creator": { "login": "octocat", "id": 1, "type": "User", "site_admin": false },
            "created_at": "{{when}}",
            "updated_at": "{{when}}",
            "statuses_url": "https://api.github.com/repos/{{repository}}/deployments/{{deploymentId}}/statuses",
            "repository_url": "https://api.github.com/repos/{{repository}}",
            "transient_environment": false,
            "production_environment": true
          },
          "check_run": null,
          "workflow": null,
          "workflow_run": null,
          "repository": {
            "id": 1296269,
            "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
            "name": "{{name}}",
            "full_name": "{{repository}}",
            "private": true,
            "owner": { "login": "{{owner}}", "id": 2, "type": "Organization", "site_admin": false },
            "html_url": "https://github.com/{{repository}}",
            "default_branch": "main"
          },
          "organization": { "login": "{{owner}}", "id": 2 },
          "sender": { "login": "octocat", "id": 1, "type": "User", "site_admin": false }
        }
        """;
    }

    public const string GitHubPing = """
        {
          "zen": "Design for failure.",
          "hook_id": 123456,
          "hook": { "type": "Repository", "id": 123456, "name": "web", "active": true, "events": ["deployment_status"],
                    "config": { "content_type": "json", "insecure_ssl": "0", "url": "https://releasewatch.example.com/api/sources/github" } },
          "repository": { "id": 1296269, "name": "sf-app", "full_name": "octo-org/sf-app" },
          "sender": { "login": "octocat", "id": 1 }
        }
        """;

    /// <summary>The documented ms.vss-release.deployment-completed-event sample; <paramref name="definition"/> adds the environment's releaseDefinition live notifications carry.</summary>
    public static string AzureDevOpsReleaseDeploymentCompleted(string eventId, string environment = "Dev", string status = "succeeded", string? definition = null, string release = "Release-1")
    {
        var releaseDefinition = definition is null ? "" : $$""" "releaseDefinition": { "id": 1, "name": "{{definition}}", "url": "http://fabfiber.vsrm.visualstudio.com/DefaultCollection/Fabrikam-Fiber-Git/_apis/Release/definitions/1" }, """;
        return $$"""
        {
          "id": "{{eventId}}",
          "eventType": "ms.vss-release.deployment-completed-event",
          "publisherId": "rm",
          "scope": "all",
          "message": {
            "text": "Deployment of release {{release}} on environment {{environment}} Succeeded.",
            "html": "Deployment on environment <a href='http://fabfiber.vsrm.visualstudio.com/DefaultCollection/Fabrikam-Fiber-Git/_apps/hub/ms.vss-releaseManagement-web.hub-explorer?_a=environment-summary&definitionEnvironmentId=8&definitionId=1'>{{environment}}</a> Succeeded.",
            "markdown": "Deployment on environment [{{environment}}](http://fabfiber.vsrm.visualstudio.com/DefaultCollection/Fabrikam-Fiber-Git/_apps/hub/ms.vss-releaseManagement-web.hub-explorer?_a=environment-summary&definitionEnvironmentId=8&definitionId=1) Succeeded."
          },
          "detailedMessage": {
            "text": "Deployment of release {{release}} on environment {{environment}} Succeeded. Time to deploy: 0.11 minutes."
          },
          "resource": {
            "environment": {
              "id": 5,
              "releaseId": 0,
              "name": "{{environment}}",
              "status": "{{status}}",
              "variables": {},
              "preDeployApprovals": [],
              "postDeployApprovals": [],
              "preApprovalsSnapshot": { "approvals": [], "approvalOptions": { "requiredApproverCount": 0, "releaseCreatorCanBeApprover": true } },
              "postApprovalsSnapshot": { "approvals": [] },
              "deploySteps": [],
              "rank": 1,
              "definitionEnvironmentId": 1,
              "queueId": 1,
              "environmentOptions": { "emailNotificationType": "OnlyOnFailure", "emailRecipients": "release.environment.owner;release.creator", "skipArtifactsDownload": false, "timeoutInMinutes": 0, "enableAccessToken": false },
              "demands": [],
              "conditions": [],
              "modifiedOn": "2016-01-21T08:19:17.26Z",
              "workflowTasks": [],
              "deployPhasesSnapshot": [],
              "owner": { "id": "4247c988-4060-4712-abca-ff44681dd78a", "displayName": "Chuck Reinhart" },
              "scheduledDeploymentTime": "2016-01-21T08:19:17.26Z",
              "schedules": [],
              {{releaseDefinition}}
              "release": { "id": 1, "name": "{{release}}", "url": "http://fabfiber.vsrm.visualstudio.com/DefaultCollection/Fabrikam-Fiber-Git/_apis/Release/releases/1" }
            },
            "project": { "id": "00000000-0000-0000-0000-000000000000", "name": "Fabrikam" }
          },
          "resourceVersion": "3.0-preview.1",
          "resourceContainers": {
            "collection": { "id": "c12d0eb8-e382-443b-9f9c-c52cba5014c2" },
            "account": { "id": "f844ec47-a9db-4511-8281-8b63f4eaf94e" }
          },
          "createdDate": "{{Iso(TimeProvider.System.GetUtcNow())}}"
        }
        """;
    }

    /// <summary>The documented ms.vss-pipelines.stage-state-changed-event sample, with the stage's name, state and result varied.</summary>
    public static string AzureDevOpsStageStateChanged(string eventId, string stage = "production", string state = "completed", string result = "succeeded", string run = "20261202.3")
    {
        return $$"""
        {
          "id": "{{eventId}}",
          "eventType": "ms.vss-pipelines.stage-state-changed-event",
          "publisherId": "pipelines",
          "message": { "text": "Run {{run}} stage {{stage}} {{result}}." },
          "detailedMessage": { "text": "Run {{run}} stage {{stage}} {{result}}." },
          "resource": {
            "stage": {
              "_links": {
                "web": { "href": "https://dev.azure.com/fabfiber/863d0a5b-3c91-4bf3-8ad7-7f33736b7f4c/_build/results?buildId=2" },
                "pipeline.web": { "href": "https://dev.azure.com/fabfiber/863d0a5b-3c91-4bf3-8ad7-7f33736b7f4c/_build/definition?definitionId=2" }
              },
              "id": "00000000-0000-0000-0000-000000000000",
              "name": "{{stage}}",
              "displayName": null,
              "state": "{{state}}",
              "result": {{(result.Length == 0 ? "null" : $"\"{result}\"")}}
            },
            "run": {
              "pipeline": { "url": "https://dev.azure.com/fabfiber/091d79ee-dc21-465e-86a2-b4006b9d0921/_apis/Pipelines/2?revision=2", "id": 2, "revision": 2, "name": "TEST-CI", "folder": "\\" },
              "state": "inProgress",
              "result": null,
              "createdDate": "2026-12-02T06:10:10.164Z",
              "finishedDate": null,
              "id": 2,
              "name": "{{run}}"
            },
            "pipeline": { "url": "https://dev.azure.com/fabfiber/091d79ee-dc21-465e-86a2-b4006b9d0921/_apis/Pipelines/2?revision=2", "id": 2, "revision": 2, "name": "TEST-CI", "folder": "\\" }
          },
          "resourceVersion": "5.1-preview.1",
          "resourceContainers": {
            "collection": { "id": "c12d0eb8-e382-443b-9f9c-c52cba5014c2" },
            "account": { "id": "f844ec47-a9db-4511-8281-8b63f4eaf94e" },
            "project": { "id": "{{SourcesApp.YamlProjectId}}" }
          },
          "createdDate": "{{Iso(TimeProvider.System.GetUtcNow())}}"
        }
        """;
    }

    /// <summary>Gearset's standard CI payload (its example ends the run object with a trailing comma; JSON senders do not).</summary>
    public static string GearsetCiJobRun(string job, DateTimeOffset endedAt, string status = "Succeeded", string type = "Deployment") => $$"""
        {
          "job": { "name": "{{job}}" },
          "run": {
            "status": "{{status}}",
            "type": "{{type}}",
            "start_date_utc": "{{endedAt.AddMinutes(-2).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)}}",
            "end_date_utc": "{{endedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)}}"
          }
        }
        """;

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
