// ReleaseWatch in one resource group: the Function App running the custom handler, its storage (host
// state and the watch tables), Service Bus queues for commands and their results, an Event Grid topic
// for pipelines, Key Vault for secrets, Application Insights. The app reaches every service with its
// system-assigned identity; no account key or connection string with a secret is stored anywhere.
//
// Deploy in two passes: first without the Event Grid subscription (the DeploymentEvents function
// does not exist until the package is deployed and Event Grid checks its endpoint), then, after
// `az functionapp deployment source config-zip`, again with subscribeDeploymentEvents=true.

@description('Azure region of every resource. Default: the resource group\'s.')
param location string = resourceGroup().location

@description('Prefix of every resource name (lowercase letters and digits, 3-11 chars).')
@minLength(3)
@maxLength(11)
param namePrefix string = 'relwatch'

@description('Elastic Premium plan size. Custom handlers need a Linux plan that runs an arbitrary executable and keeps one instance warm for the Salesforce stream subscribers.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param planSku string = 'EP1'

@description('Maximum instances the plan scales out to. Subscribers stay one per org (lease) however many run.')
@minValue(1)
@maxValue(100)
param maximumInstanceCount int = 4

@description('A Salesforce org under watch (ReleaseWatch:Orgs:{i}).')
type salesforceConnection = {
  @description('https://login.salesforce.com, https://test.salesforce.com or the org\'s My Domain URL.')
  loginUrl: string
  @description('CometD API version. Default in the app: 60.0.')
  apiVersion: string?
  @description('The connected app\'s consumer key.')
  clientId: string
  @description('The integration user (JWT bearer flow only).')
  username: string?
  @description('jwt: the Key Vault secret salesforce-<org id> holds the PEM private key; clientCredentials: it holds the consumer secret.')
  flow: 'jwt' | 'clientCredentials'
  @description('Replay id for a channel with no checkpoint yet: -1 new events only (default), -2 all retained.')
  initialReplayId: int?
  @description('Replay id to resume from when Salesforce rejects a stored one as too old: -2 (default) or -1; the span is recorded as a gap.')
  replayFallback: int?
  @description('Extra classification rules: a channel (+ an optional field whose value is one of values) mapped to a signal.')
  rules: signalRule[]?
}

type signalRule = {
  channel: string
  signal: string
  @description('Failure (default) or Activity.')
  kind: ('Failure' | 'Activity')?
  field: string?
  values: string[]?
  @description('A payload path whose number is the event\'s value (e.g. EffectivePageTime): a value signal for mean/p50-p99/max/last.')
  value: string?
  @description('A boolean payload path; when true the value is skipped (e.g. HasEffectivePageTimeDeviation).')
  skipValueWhen: string?
  @description('With field: the field must be a number at least this (e.g. 500 on an HTTP status: failed callouts).')
  atLeast: int?
  @description('With field: the field must be a number below this (e.g. 400: successful callouts).')
  below: int?
}

type dependency = {
  @description('A name for the external service, e.g. payments; its signals are dependency.<name>.*.')
  name: string
  @description('The https URL probed once per interval while the org is watched.')
  url: string
  @description('The status a healthy answer has; absent = any 2xx.')
  expectedStatus: int?
  @description('Seconds before a probe counts as failed.')
  timeoutSeconds: int?
}

type org = {
  @description('18-character org id (00D...).')
  id: string
  name: string
  @description('e.g. production, uat, sandbox.')
  environment: string
  @description('A key of the policies parameter; absent = the app\'s default.')
  policy: string?
  @description('Streaming channels, e.g. /event/LogEntryEvent__e, /data/OpportunityChangeEvent.')
  channels: string[]
  @description('Labels that group orgs for rollouts, e.g. {tier: \'canary\'}; a wave may name a group by them.')
  labels: { *: string }?
  @description('Absent = no live signal capture for this org.')
  salesforce: salesforceConnection?
  @description('External services the org\'s callouts reach, probed while watched.')
  dependencies: dependency[]?
}

@description('The orgs ReleaseWatch watches.')
param orgs org[] = []

@description('Policies by name (ReleaseWatch:Policies:{name}); each value a policy object as in README.')
param policies object = {}

@description('HMAC-SHA256 secret the deploy pipeline signs the webhook with. Stored in Key Vault.')
@secure()
@minLength(32)
param signingSecret string

@description('The next signing secret during a rotation (README: rotate the signing secret). Empty = none.')
@secure()
param signingSecretNext string = ''

@description('Salesforce secrets by org id: the PEM private key (jwt flow) or consumer secret (clientCredentials). Stored in Key Vault as salesforce-<org id>. May be set later with az keyvault secret set.')
@secure()
param salesforceSecrets object = {}

@description('Secrets of the native deployment sources (README: "Tell ReleaseWatch about a deployment (from GitHub, Azure DevOps, DevOps Center or Gearset)"), any of: githubSecret, azureDevOpsPassword, gearsetPathKey, gearsetPassword. Stored in Key Vault as source-<name>. Empty = those senders off.')
@secure()
param sourceSecrets object = {}

@description('The names of the sourceSecrets given (names only: a secure value never decides an app setting), e.g. [\'githubSecret\'].')
param sourceSecretNames array = []

@description('The Basic username Azure DevOps service hooks send (with sourceSecrets.azureDevOpsPassword). Empty = none.')
param azureDevOpsHookUsername string = ''

@description('The Basic username of Gearset custom-payload webhooks (with sourceSecrets.gearsetPassword). Empty = none.')
param gearsetHookUsername string = ''

@description('Teams Workflows webhook URL for alerts. Stored in Key Vault. Empty = no Teams alerts.')
@secure()
param teamsWebhookUrl string = ''

@description('SMTP relay host for email alerts. Empty = no email alerts.')
param emailHost string = ''

@description('SMTP port.')
param emailPort int = 587

@description('SMTP transport security: StartTls, SslOnConnect or None.')
@allowed([
  'StartTls'
  'SslOnConnect'
  'None'
])
param emailSecurity string = 'StartTls'

@description('SMTP user name. Empty = no authentication.')
param emailUsername string = ''

@description('SMTP password. Stored in Key Vault.')
@secure()
param emailPassword string = ''

@description('Sender address of alert email.')
param emailFrom string = ''

@description('More app settings by name, e.g. {"ReleaseWatch__Email__To__0": "oncall@example.com"}. Not for secrets.')
param extraAppSettings object = {}

@description('Object id of the deploy pipeline\'s identity (service principal or managed identity). Set: it may publish to the topic with Microsoft Entra and the topic\'s access keys are disabled. Empty: pipelines publish with a topic key.')
param pipelinePrincipalId string = ''

@description('Client (application) id of the Microsoft Entra app registration that signs people in to the dashboard (App Service Authentication). Empty = no App Service Authentication and the dashboard is off (its pages answer 404).')
param dashboardClientId string = ''

@description('Tenant id of that app registration. Default: the subscription\'s tenant.')
param dashboardTenantId string = subscription().tenantId

@description('Client secret of that app registration (authorization code flow). Stored in Key Vault. Empty = ID tokens only (enable "ID tokens" on the registration).')
@secure()
param dashboardClientSecret string = ''

@description('Object ids of the Microsoft Entra groups whose members may open the dashboard. Empty = anyone the tenant signs in (limit it on the enterprise app with "assignment required").')
param dashboardAllowedGroups array = []

@description('Create the Event Grid subscription to the DeploymentEvents function. Set true on the second pass, after the package is deployed.')
param subscribeDeploymentEvents bool = false

var suffix = uniqueString(resourceGroup().id)
var storageName = take('${namePrefix}${suffix}', 24)
var appName = '${namePrefix}-${suffix}'
// Shared/Storage/TableNames.cs names the same tables.
var tableNames = [
  'watches'
  'timers'
  'signals'
  'evidence'
  'streams'
  'leases'
  'requests'
]
var commandsQueueName = 'release-commands'
var resultsQueueName = 'release-command-results'
var deploymentCompletedEventType = 'ReleaseWatch.DeploymentCompleted'

// Built-in role definitions (ids are the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  eventGridDataSender: 'd5a91429-5739-47e2-a06b-3470a27159e7'
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // Identity only: the host (AzureWebJobsStorage__accountName) and the app (TableServiceUri) use Entra.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tableNames: {
    parent: tableService
    name: table
  }
]

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: '${namePrefix}-sb-${suffix}'
  location: location
  // Standard: sessions and duplicate detection are not in Basic.
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource commandsQueue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: serviceBus
  name: commandsQueueName
  properties: {
    // SessionId = org id: one org's commands are handled in order.
    requiresSession: true
    // MessageId = commandId: a resend after a crash is dropped.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P1D'
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    defaultMessageTimeToLive: 'P14D'
  }
}

resource resultsQueue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: serviceBus
  name: resultsQueueName
  properties: {
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    defaultMessageTimeToLive: 'P14D'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}kv${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

resource signingSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'intake-signing-secret'
  properties: {
    value: signingSecret
  }
}

resource signingSecretNextValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(signingSecretNext)) {
  parent: vault
  name: 'intake-signing-secret-next'
  properties: {
    value: signingSecretNext
  }
}

resource teamsWebhookValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(teamsWebhookUrl)) {
  parent: vault
  name: 'teams-webhook-url'
  properties: {
    value: teamsWebhookUrl
  }
}

resource dashboardSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(dashboardClientId) && !empty(dashboardClientSecret)) {
  parent: vault
  name: 'dashboard-client-secret'
  properties: {
    value: dashboardClientSecret
  }
}

resource emailPasswordValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(emailPassword)) {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: emailPassword
  }
}

resource sourceSecretValues 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secret in items(sourceSecrets): {
    parent: vault
    name: 'source-${secret.key}'
    properties: {
      value: secret.value
    }
  }
]

resource salesforceSecretValues 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secret in items(salesforceSecrets): {
    parent: vault
    name: 'salesforce-${secret.key}'
    properties: {
      value: secret.value
    }
  }
]

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: '${namePrefix}-events-${suffix}'
  location: location
  properties: {
    inputSchema: 'EventGridSchema'
    disableLocalAuth: !empty(pipelinePrincipalId)
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  kind: 'elastic'
  sku: {
    name: planSku
    tier: 'ElasticPremium'
  }
  properties: {
    reserved: true
    maximumElasticWorkerCount: maximumInstanceCount
  }
}

// A Key Vault reference resolved by the platform with the app's identity; unversioned, so a new
// secret version is picked up within a day or on restart.
func vaultRef(vaultName string, secretName string) string =>
  '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'

var serviceBusHost = split(split(serviceBus.properties.serviceBusEndpoint, '//')[1], ':')[0]

var hostSettings = [
  {
    name: 'FUNCTIONS_EXTENSION_VERSION'
    value: '~4'
  }
  {
    name: 'FUNCTIONS_WORKER_RUNTIME'
    value: 'custom'
  }
  {
    // Identity-based host storage: no connection string, no account key.
    name: 'AzureWebJobsStorage__accountName'
    value: storage.name
  }
  {
    // The serviceBusTrigger's connection "ServiceBusConnection", identity-based.
    name: 'ServiceBusConnection__fullyQualifiedNamespace'
    value: serviceBusHost
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
  {
    // config-zip on Linux Premium: run the uploaded zip read-only, as deployed.
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
]

var appSettingsCommon = [
  {
    name: 'ReleaseWatch__Storage__ConnectionString'
    // Empty overrides the app's Azurite default so TableServiceUri (managed identity) is used.
    value: ''
  }
  {
    name: 'ReleaseWatch__Storage__TableServiceUri'
    value: storage.properties.primaryEndpoints.table
  }
  {
    name: 'ReleaseWatch__ServiceBus__Namespace'
    value: serviceBusHost
  }
  {
    name: 'ReleaseWatch__Intake__SigningSecret'
    value: vaultRef(vault.name, signingSecretValue.name)
  }
  {
    name: 'ReleaseWatch__PublicBaseUrl'
    value: 'https://${appName}.azurewebsites.net'
  }
  {
    // Behind App Service Authentication the page reads the signed-in user from X-MS-CLIENT-PRINCIPAL-NAME; without it, no dashboard.
    name: 'ReleaseWatch__Dashboard__Access'
    value: empty(dashboardClientId) ? 'Off' : 'AppService'
  }
]

// Optional settings are left out when not given, so the app's documented default applies.
var appSettingsOptional = filter(
  [
    {
      name: 'ReleaseWatch__Intake__SigningSecretNext'
      value: empty(signingSecretNext) ? '' : vaultRef(vault.name, 'intake-signing-secret-next')
    }
    {
      name: 'ReleaseWatch__Teams__WebhookUrl'
      value: empty(teamsWebhookUrl) ? '' : vaultRef(vault.name, 'teams-webhook-url')
    }
    {
      // The setting App Service Authentication reads the Entra client secret from (authsettingsV2 clientSecretSettingName).
      name: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
      value: empty(dashboardClientId) || empty(dashboardClientSecret) ? '' : vaultRef(vault.name, 'dashboard-client-secret')
    }
    {
      name: 'ReleaseWatch__Sources__GitHub__Secret'
      value: contains(sourceSecretNames, 'githubSecret') ? vaultRef(vault.name, 'source-githubSecret') : ''
    }
    {
      name: 'ReleaseWatch__Sources__AzureDevOps__Username'
      value: azureDevOpsHookUsername
    }
    {
      name: 'ReleaseWatch__Sources__AzureDevOps__Password'
      value: contains(sourceSecretNames, 'azureDevOpsPassword') ? vaultRef(vault.name, 'source-azureDevOpsPassword') : ''
    }
    {
      name: 'ReleaseWatch__Sources__Gearset__PathKey'
      value: contains(sourceSecretNames, 'gearsetPathKey') ? vaultRef(vault.name, 'source-gearsetPathKey') : ''
    }
    {
      name: 'ReleaseWatch__Sources__Gearset__Username'
      value: gearsetHookUsername
    }
    {
      name: 'ReleaseWatch__Sources__Gearset__Password'
      value: contains(sourceSecretNames, 'gearsetPassword') ? vaultRef(vault.name, 'source-gearsetPassword') : ''
    }
    {
      name: 'ReleaseWatch__Email__Host'
      value: emailHost
    }
    {
      name: 'ReleaseWatch__Email__Port'
      value: empty(emailHost) ? '' : string(emailPort)
    }
    {
      name: 'ReleaseWatch__Email__Security'
      value: empty(emailHost) ? '' : emailSecurity
    }
    {
      name: 'ReleaseWatch__Email__Username'
      value: emailUsername
    }
    {
      name: 'ReleaseWatch__Email__Password'
      value: empty(emailPassword) ? '' : vaultRef(vault.name, 'smtp-password')
    }
    {
      name: 'ReleaseWatch__Email__From'
      value: emailFrom
    }
  ],
  setting => !empty(setting.value)
)

var orgSettings = flatten(map(range(0, length(orgs)), i => concat(
  [
    {
      name: 'ReleaseWatch__Orgs__${i}__Id'
      value: orgs[i].id
    }
    {
      name: 'ReleaseWatch__Orgs__${i}__Name'
      value: orgs[i].name
    }
    {
      name: 'ReleaseWatch__Orgs__${i}__Environment'
      value: orgs[i].environment
    }
  ],
  filter(
    [
      {
        name: 'ReleaseWatch__Orgs__${i}__Policy'
        value: orgs[i].?policy ?? ''
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Salesforce__LoginUrl'
        value: orgs[i].?salesforce.?loginUrl ?? ''
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Salesforce__ApiVersion'
        value: orgs[i].?salesforce.?apiVersion ?? ''
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Salesforce__ClientId'
        value: orgs[i].?salesforce.?clientId ?? ''
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Salesforce__Username'
        value: orgs[i].?salesforce.?username ?? ''
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Salesforce__PrivateKey'
        value: orgs[i].?salesforce.?flow == 'jwt' ? vaultRef(vault.name, 'salesforce-${orgs[i].id}') : ''
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Salesforce__ClientSecret'
        value: orgs[i].?salesforce.?flow == 'clientCredentials' ? vaultRef(vault.name, 'salesforce-${orgs[i].id}') : ''
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Salesforce__InitialReplayId'
        value: string(orgs[i].?salesforce.?initialReplayId ?? '')
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Salesforce__ReplayFallback'
        value: string(orgs[i].?salesforce.?replayFallback ?? '')
      }
    ],
    setting => !empty(setting.value)
  ),
  flatten(map(range(0, length(orgs[i].?salesforce.?rules ?? [])), j => concat(
    filter(
      [
        {
          name: 'ReleaseWatch__Orgs__${i}__Salesforce__Rules__${j}__Channel'
          value: orgs[i].salesforce!.rules![j].channel
        }
        {
          name: 'ReleaseWatch__Orgs__${i}__Salesforce__Rules__${j}__Signal'
          value: orgs[i].salesforce!.rules![j].signal
        }
        {
          name: 'ReleaseWatch__Orgs__${i}__Salesforce__Rules__${j}__Kind'
          value: orgs[i].salesforce!.rules![j].?kind ?? ''
        }
        {
          name: 'ReleaseWatch__Orgs__${i}__Salesforce__Rules__${j}__Field'
          value: orgs[i].salesforce!.rules![j].?field ?? ''
        }
        {
          name: 'ReleaseWatch__Orgs__${i}__Salesforce__Rules__${j}__Value'
          value: orgs[i].salesforce!.rules![j].?value ?? ''
        }
        {
          name: 'ReleaseWatch__Orgs__${i}__Salesforce__Rules__${j}__SkipValueWhen'
          value: orgs[i].salesforce!.rules![j].?skipValueWhen ?? ''
        }
        {
          name: 'ReleaseWatch__Orgs__${i}__Salesforce__Rules__${j}__AtLeast'
          value: string(orgs[i].salesforce!.rules![j].?atLeast ?? '')
        }
        {
          name: 'ReleaseWatch__Orgs__${i}__Salesforce__Rules__${j}__Below'
          value: string(orgs[i].salesforce!.rules![j].?below ?? '')
        }
      ],
      setting => !empty(setting.value)
    ),
    map(range(0, length(orgs[i].salesforce!.rules![j].?values ?? [])), k => {
      name: 'ReleaseWatch__Orgs__${i}__Salesforce__Rules__${j}__Values__${k}'
      value: orgs[i].salesforce!.rules![j].values![k]
    })
  ))),
  map(range(0, length(orgs[i].channels)), j => {
    name: 'ReleaseWatch__Orgs__${i}__Channels__${j}'
    value: orgs[i].channels[j]
  }),
  map(items(orgs[i].?labels ?? {}), label => {
    name: 'ReleaseWatch__Orgs__${i}__Labels__${label.key}'
    value: label.value
  }),
  flatten(map(range(0, length(orgs[i].?dependencies ?? [])), j => filter(
    [
      {
        name: 'ReleaseWatch__Orgs__${i}__Dependencies__${j}__Name'
        value: orgs[i].dependencies![j].name
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Dependencies__${j}__Url'
        value: orgs[i].dependencies![j].url
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Dependencies__${j}__ExpectedStatus'
        value: string(orgs[i].dependencies![j].?expectedStatus ?? '')
      }
      {
        name: 'ReleaseWatch__Orgs__${i}__Dependencies__${j}__TimeoutSeconds'
        value: string(orgs[i].dependencies![j].?timeoutSeconds ?? '')
      }
    ],
    setting => !empty(setting.value)
  )))
)))

var policySettings = map(items(policies), policy => {
  name: 'ReleaseWatch__Policies__${policy.key}'
  value: string(policy.value)
})

var extraSettings = map(items(extraAppSettings), setting => {
  name: setting.key
  value: string(setting.value)
})

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    reserved: true
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      // Custom handler: no language stack; host.json names the executable.
      linuxFxVersion: ''
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // One instance always warm: stream subscribers and the ticker must not wait for a cold start.
      minimumElasticInstanceCount: 1
      functionAppScaleLimit: maximumInstanceCount
      appSettings: concat(hostSettings, appSettingsCommon, appSettingsOptional, orgSettings, policySettings, extraSettings)
    }
  }
}

// App Service Authentication (Microsoft Entra ID) in front of the dashboard. Everything requires a signed-in user
// (browsers are sent to the Entra login page) except the machine routes, which carry their own credentials and
// stay anonymous to the platform: /api/* (function keys, HMAC-signed webhooks, the sources' own secrets),
// /runtime/webhooks/* (Event Grid's system key) and /admin/* (the host's master key). The dashboard's pages
// (/watches, /orgs, /rollouts, /backtest, /dashboard/assets) are not excluded, so the platform sets
// X-MS-CLIENT-PRINCIPAL-NAME on every request that reaches them and strips any such header a client sends.
resource dashboardAuth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(dashboardClientId)) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/api/*'
        '/runtime/webhooks/*'
        '/admin/*'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${dashboardTenantId}/v2.0'
          clientId: dashboardClientId
          clientSecretSettingName: empty(dashboardClientSecret) ? null : 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
        }
        validation: {
          allowedAudiences: [
            'api://${dashboardClientId}'
            dashboardClientId
          ]
          defaultAuthorizationPolicy: {
            allowedPrincipals: empty(dashboardAllowedGroups) ? null : {
              groups: dashboardAllowedGroups
            }
          }
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// Least privilege for the app's identity. Host storage with an identity needs Storage Blob Data Owner
// (host keys, timer singleton locks); the watch tables need Storage Table Data Contributor. No queue,
// file or account-management role: no trigger here uses storage queues or blobs, and no Azure Files.
resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionApp.id, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionApp.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Sender on the commands queue only, receiver on the results queue only.
resource commandsSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(commandsQueue.id, functionApp.id, roles.serviceBusDataSender)
  scope: commandsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource resultsReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resultsQueue.id, functionApp.id, roles.serviceBusDataReceiver)
  scope: resultsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, functionApp.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource pipelineSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(pipelinePrincipalId)) {
  name: guid(topic.id, pipelinePrincipalId, roles.eventGridDataSender)
  scope: topic
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.eventGridDataSender)
    principalId: pipelinePrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deploymentEvents 'Microsoft.EventGrid/topics/eventSubscriptions@2025-02-15' = if (subscribeDeploymentEvents) {
  parent: topic
  name: 'deployment-completed'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'AzureFunction'
      properties: {
        resourceId: '${functionApp.id}/functions/DeploymentEvents'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        deploymentCompletedEventType
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

@description('The native webhook (POST, signed). Needs the Deployments function key: az functionapp function keys list.')
output webhookUrl string = 'https://${functionApp.properties.defaultHostName}/api/deployments'

@description('Where pipelines publish ReleaseWatch.DeploymentCompleted events.')
output topicEndpoint string = topic.properties.endpoint

output functionAppName string = functionApp.name
output keyVaultName string = vault.name
output serviceBusNamespace string = serviceBusHost
output dashboardUrl string = 'https://${functionApp.properties.defaultHostName}/watches'
