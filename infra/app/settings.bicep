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
@description('The rest of the hold policy, as TimeSpan strings: added to the base per source reliability (Hold:ByReliability:*), information credibility (Hold:ByCredibility:*) and certainty (Hold:ByCertainty:*), negative shortens; subtracted per independent corroboration; added when contested; and the bounds of a computed hold.')
type holdAdjustmentSet = {
  byReliability: {
    A: string
    B: string
    C: string
    D: string
    E: string
    F: string
  }
  byCredibility: {
    '1': string
    '2': string
    '3': string
    '4': string
    '5': string
    '6': string
  }
  byCertainty: {
    observed: string
    likely: string
    possible: string
    unlikely: string
    unknown: string
  }
  perCorroboration: string
  contestedExtension: string
  minimum: string
  maximum: string
}

@export()
@description('An incident category, as reports name it.')
type incidentCategory = 'missile-impact' | 'drone-incursion' | 'airspace-violation' | 'artillery-fire' | 'border-crossing' | 'other'

@export()
@description('A category that waits for an analyst\'s confirmation when its hold ends; with attributedOnly, only when the report names a suspected actor.')
type confirmationRule = {
  category: incidentCategory
  attributedOnly: bool?
}

@export()
@description('Which incidents need an analyst (Verification:ConfirmationRequired), and which categories may describe the same event (Verification:CompatibleCategories, one group per entry).')
type verificationPolicy = {
  confirmationRequired: confirmationRule[]
  compatibleCategories: incidentCategory[][]
}

@export()
@description('One API key: the secret sent in X-Api-Key, the role it carries, who the caller is (for a reporter, its reporter id) and, for a reporter, its default Admiralty grading (e.g. B2) for reports that carry none.')
type apiKey = {
  @minLength(12)
  key: string
  role: ('reporter' | 'analyst' | 'admin' | 'feed')
  @minLength(1)
  @maxLength(64)
  name: string
  @minLength(2)
  @maxLength(2)
  grading: string?
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
  adjustments holdAdjustmentSet,
  verification verificationPolicy,
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
      Hold__ByReliability__A: adjustments.byReliability.A
      Hold__ByReliability__B: adjustments.byReliability.B
      Hold__ByReliability__C: adjustments.byReliability.C
      Hold__ByReliability__D: adjustments.byReliability.D
      Hold__ByReliability__E: adjustments.byReliability.E
      Hold__ByReliability__F: adjustments.byReliability.F
      Hold__ByCredibility__1: adjustments.byCredibility['1']
      Hold__ByCredibility__2: adjustments.byCredibility['2']
      Hold__ByCredibility__3: adjustments.byCredibility['3']
      Hold__ByCredibility__4: adjustments.byCredibility['4']
      Hold__ByCredibility__5: adjustments.byCredibility['5']
      Hold__ByCredibility__6: adjustments.byCredibility['6']
      Hold__ByCertainty__Observed: adjustments.byCertainty.observed
      Hold__ByCertainty__Likely: adjustments.byCertainty.likely
      Hold__ByCertainty__Possible: adjustments.byCertainty.possible
      Hold__ByCertainty__Unlikely: adjustments.byCertainty.unlikely
      Hold__ByCertainty__Unknown: adjustments.byCertainty.unknown
      Hold__PerCorroboration: adjustments.perCorroboration
      Hold__ContestedExtension: adjustments.contestedExtension
      Hold__Minimum: adjustments.minimum
      Hold__Maximum: adjustments.maximum
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
      flatten(map(range(0, length(verification.confirmationRequired)), i => [
        { name: 'Verification__ConfirmationRequired__${i}__Category', value: verification.confirmationRequired[i].category }
        {
          name: 'Verification__ConfirmationRequired__${i}__AttributedOnly'
          value: (verification.confirmationRequired[i].?attributedOnly ?? false) ? 'true' : 'false'
        }
      ])),
      e => e.name,
      e => e.value
    ),
    toObject(
      range(0, length(verification.compatibleCategories)),
      i => 'Verification__CompatibleCategories__${i}',
      i => join(verification.compatibleCategories[i], ',')
    ),
    toObject(
      flatten(map(range(0, length(apiKeys.keys)), i => concat(
        [
          { name: 'Auth__Keys__${i}__Key', value: apiKeys.keys[i].key }
          { name: 'Auth__Keys__${i}__Role', value: apiKeys.keys[i].role }
          { name: 'Auth__Keys__${i}__Name', value: apiKeys.keys[i].name }
        ],
        // A reporter's default grading, only for keys that carry one: without it an ungraded report counts as F6.
        empty(apiKeys.keys[i].?grading ?? '') ? [] : [{ name: 'Auth__Keys__${i}__Grading', value: apiKeys.keys[i].grading! }]
      ))),
      e => e.name,
      e => e.value
    )
  )
