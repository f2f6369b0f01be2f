// The Alerts Functions app on a Flex Consumption plan (Linux, .NET 10 isolated worker), running as the
// user-assigned identity, with its deployment package in a blob container reached by that identity.

import { alertsAppSettings, apiKeySet, holdAdjustmentSet, holdDurations, tagSet, verificationPolicy } from 'settings.bicep'

param location string
param tags tagSet
param name string
param planName string
@description('azd deploys the service whose tag azd-service-name matches its name in azure.yaml.')
param serviceName string
param storageAccountName string
param deploymentContainerName string
param identityName string
param applicationInsightsName string
param maximumInstanceCount int
param instanceMemoryMB int

param holdBySeverity holdDurations
param holdAdjustments holdAdjustmentSet
param verification verificationPolicy
param retrySchedule string[]
param smtpHost string
param smtpPort int
param smtpSecurity ('auto' | 'starttls' | 'tls' | 'none')
param smtpFrom string
param smtpUsername string
@secure()
param smtpPassword string
param apiKeys apiKeySet

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// A child resource, not siteConfig.appSettings: Links:PublicBaseUrl needs the app's own host name.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: alertsAppSettings(
    {
      blobServiceUri: storage.properties.primaryEndpoints.blob
      queueServiceUri: storage.properties.primaryEndpoints.queue
      tableServiceUri: storage.properties.primaryEndpoints.table
      identityClientId: identity.properties.clientId
      applicationInsightsConnectionString: applicationInsights.properties.ConnectionString
    },
    'https://${functionApp.properties.defaultHostName}',
    holdBySeverity,
    holdAdjustments,
    verification,
    retrySchedule,
    {
      host: smtpHost
      port: smtpPort
      security: smtpSecurity
      from: smtpFrom
      username: smtpUsername
      password: smtpPassword
    },
    apiKeys
  )
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'

@description('The duty desk console: served by the app itself (HTTP trigger ServeConsole, anonymous), same origin as the API.')
output consoleUri string = 'https://${functionApp.properties.defaultHostName}/api/console/'
