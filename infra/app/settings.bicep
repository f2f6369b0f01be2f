// The function app's settings, built in one place from plain inputs so that a test can evaluate them
// (tests/Alerts.Infra.Tests) and check them against the settings the app validates at start-up.

@export()
@description('Resource tags.')
type tagSet = {
  *: string
}

@export()
@description('App settings: names to values.')
type appSettingSet = {
  *: string
}

@export()
@description('Base hold per severity, as TimeSpan strings (Hold:BySeverity:*).')
type holdDurations = {
  extreme: string
  severe: string
  moderate: string
  minor: string
  unknown: string
}

@export()
@description('One API key: the secret sent in X-Api-Key, the role it carries and who the caller is (for a reporter, its reporter id).')
type apiKey = {
  @minLength(12)
  key: string
  role: ('reporter' | 'analyst' | 'admin')
  @minLength(1)
  @maxLength(64)
  name: string
}

@export()
@secure()
@description('The API keys: secure, and an object around the list because @secure() applies to strings and objects only.')
type apiKeySet = {
  keys: apiKey[]
}

@export()
@description('The SMTP relay alerts are emailed through (Email:*).')
type smtpRelay = {
  host: string
  port: int
  security: ('auto' | 'starttls' | 'tls' | 'none')
  from: string
  username: string
  password: string
}

@export()
@description('Where the function app reaches its storage account, with which identity, and where it reports telemetry.')
type platform = {
  blobServiceUri: string
  queueServiceUri: string
  tableServiceUri: string
  identityClientId: string
  applicationInsightsConnectionString: string
}

@export()
@description('Every app setting of the function app: identity-based storage and telemetry, then the Alerts settings.')
func alertsAppSettings(
  platform platform,
  publicBaseUrl string,
  holds holdDurations,
  retrySchedule string[],
  smtp smtpRelay,
  apiKeys apiKeySet
) appSettingSet =>
  union(
    {
      // AzureWebJobsStorage in its identity form: the account's shared keys are disabled.
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: platform.identityClientId
      AzureWebJobsStorage__blobServiceUri: platform.blobServiceUri
      AzureWebJobsStorage__queueServiceUri: platform.queueServiceUri
      AzureWebJobsStorage__tableServiceUri: platform.tableServiceUri
      APPLICATIONINSIGHTS_CONNECTION_STRING: platform.applicationInsightsConnectionString
      // Application Insights accepts Entra tokens only (DisableLocalAuth), from the same identity.
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${platform.identityClientId}'
      Links__PublicBaseUrl: publicBaseUrl
      Hold__BySeverity__Extreme: holds.extreme
      Hold__BySeverity__Severe: holds.severe
      Hold__BySeverity__Moderate: holds.moderate
      Hold__BySeverity__Minor: holds.minor
      Hold__BySeverity__Unknown: holds.unknown
      Email__Host: smtp.host
      Email__Port: string(smtp.port)
      Email__Security: smtp.security
      Email__From: smtp.from
    },
    empty(smtp.username)
      ? {}
      : {
          Email__Username: smtp.username
          Email__Password: smtp.password
        },
    toObject(range(0, length(retrySchedule)), i => 'Retry__Schedule__${i}', i => retrySchedule[i]),
    toObject(
      flatten(map(range(0, length(apiKeys.keys)), i => [
        { name: 'Auth__Keys__${i}__Key', value: apiKeys.keys[i].key }
        { name: 'Auth__Keys__${i}__Role', value: apiKeys.keys[i].role }
        { name: 'Auth__Keys__${i}__Name', value: apiKeys.keys[i].name }
      ])),
      e => e.name,
      e => e.value
    )
  )
