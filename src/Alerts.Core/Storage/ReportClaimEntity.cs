using Azure;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>Which incident a (reporter, reportId) belongs to; PartitionKey reporter, RowKey reportId.</summary>
public sealed class ReportClaimEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string IncidentId { get; set; } = string.Empty;
}
