using Azure;

namespace Alerts.Core.Storage;

/// <summary>First writer wins the (reporter, reportId) pair; everyone else learns which incident owns it.</summary>
public sealed class ReportClaims(StorageConnection storage)
{
    public async Task<string> ClaimAsync(string reporterId, string reportId, string candidateIncidentId, CancellationToken cancellationToken)
    {
        var table = storage.Table(TableNames.ReportClaims);
        try
        {
            await table.AddEntityAsync(
                new ReportClaimEntity { PartitionKey = reporterId, RowKey = reportId, IncidentId = candidateIncidentId },
                cancellationToken);
            return candidateIncidentId;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await table.GetEntityAsync<ReportClaimEntity>(reporterId, reportId, cancellationToken: cancellationToken);
            return existing.Value.IncidentId;
        }
    }
}
