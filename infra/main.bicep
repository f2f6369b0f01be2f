// Alerts on Azure: a Flex Consumption Functions app with identity-only access to its storage and telemetry.
// Deployed by the Azure Developer CLI (azd up); see infra/README.md for the parameters and what gets created.

targetScope = 'subscription'

import { apiKeySet, holdAdjustmentSet, holdDurations, verificationPolicy } from 'app/settings.bicep'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group to create or reuse; empty means rg-<environmentName>.')
param resourceGroupName string = ''

@description('Base hold per severity (TimeSpan strings); the defaults are the app\'s own.')
param holdBySeverity holdDurations = {
  extreme: '00:05:00'
  severe: '00:10:00'
  moderate: '00:15:00'
  minor: '00:30:00'
  unknown: '00:30:00'
}

@description('The rest of the hold policy (TimeSpan strings): adjustments per source reliability, information credibility and certainty, per independent corroboration and when contested, and the bounds; the defaults are the app\'s own.')
param holdAdjustments holdAdjustmentSet = {
  byReliability: {
    A: '-00:03:00'
    B: '-00:01:00'
    C: '00:00:00'
    D: '00:05:00'
    E: '00:10:00'
    F: '00:05:00'
  }
  byCredibility: {
    '1': '-00:03:00'
    '2': '-00:01:00'
    '3': '00:00:00'
    '4': '00:05:00'
    '5': '00:10:00'
    '6': '00:05:00'
  }
  byCertainty: {
    observed: '-00:02:00'
    likely: '00:00:00'
    possible: '00:03:00'
    unlikely: '00:10:00'
    unknown: '00:05:00'
  }
  perCorroboration: '00:03:00'
  contestedExtension: '00:15:00'
  minimum: '00:02:00'
  maximum: '02:00:00'
}

@description('Which incidents wait for an analyst\'s confirmation, and which categories may describe the same event. Unlike the app (which requires no confirmation and knows no groups), a deployment by default holds a missile impact attributed to an actor for an analyst, and correlates missile impacts with artillery fire and drone incursions with airspace violations.')
param verification verificationPolicy = {
  confirmationRequired: [
    {
      category: 'missile-impact'
      attributedOnly: true
    }
  ]
  compatibleCategories: [
    [
      'missile-impact'
      'artillery-fire'
    ]
    [
      'drone-incursion'
      'airspace-violation'
    ]
  ]
}

@description('Delays before delivery attempts 2, 3, … (TimeSpan strings); the defaults are the app\'s own.')
param retrySchedule string[] = [
  '00:00:05'
  '00:00:30'
  '00:02:00'
  '00:10:00'
  '00:30:00'
  '01:00:00'
  '03:00:00'
  '06:00:00'
]

@minLength(1)
@description('SMTP relay that alerts are emailed through, e.g. smtp.azurecomm.net.')
param smtpHost string

@description('SMTP port.')
param smtpPort int = 587

@description('TLS mode: auto (TLS on connect for 465, STARTTLS when offered otherwise), starttls, tls or none.')
param smtpSecurity ('auto' | 'starttls' | 'tls' | 'none') = 'auto'

@minLength(3)
@description('Sender mailbox, e.g. Alerts <alerts@example.org>.')
param smtpFrom string

@description('SMTP user name; empty sends without authenticating.')
param smtpUsername string = ''

@secure()
@description('SMTP password (with smtpUsername).')
param smtpPassword string = ''

@description('The API keys, as {"keys": [{"key": "…at least 12 characters…", "role": "reporter|analyst|admin|feed", "name": "caller-name", "grading": "B2 (optional, reporters: the default Admiralty grading of their reports)"}]}.')
param apiKeys apiKeySet

@minValue(1)
@maxValue(1000)
@description('Most instances the Flex Consumption plan scales out to.')
param maximumInstanceCount int = 100

@allowed([
  512
  2048
  4096
])
@description('Memory of each instance, in MB.')
param instanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var serviceName = 'api'
var functionAppName = 'func-alerts-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'
var identityName = 'id-alerts-${resourceToken}'
var storageAccountName = 'stalerts${resourceToken}'
var applicationInsightsName = 'appi-alerts-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: identityName
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: storageAccountName
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-alerts-${resourceToken}'
    applicationInsightsName: applicationInsightsName
  }
}

module access 'app/access.bicep' = {
  name: 'access'
  scope: rg
  params: {
    identityName: identityName
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
  }
  // Names are computed here rather than read from module outputs, so what-if can predict every resource.
  dependsOn: [
    identity
    storage
    monitoring
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    location: location
    tags: tags
    name: functionAppName
    planName: 'plan-alerts-${resourceToken}'
    serviceName: serviceName
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    identityName: identityName
    applicationInsightsName: applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    holdBySeverity: holdBySeverity
    holdAdjustments: holdAdjustments
    verification: verification
    retrySchedule: retrySchedule
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpSecurity: smtpSecurity
    smtpFrom: smtpFrom
    smtpUsername: smtpUsername
    smtpPassword: smtpPassword
    apiKeys: apiKeys
  }
  // The app starts pulling its package and opening queues as soon as it exists: grant access first.
  dependsOn: [
    access
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
@description('Open this in a browser for the duty desk console (sign in with an API key, and the app\'s function key).')
output ALERTS_CONSOLE_URL string = api.outputs.consoleUri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
