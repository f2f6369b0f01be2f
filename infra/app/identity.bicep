// The user-assigned identity the function app runs as: storage, deployment package and telemetry all use it.

import { tagSet } from 'settings.bicep'

param location string
param tags tagSet
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
