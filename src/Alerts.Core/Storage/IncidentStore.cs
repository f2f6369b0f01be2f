using Alerts.Core.Domain.Incidents;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>
/// Incidents in Table Storage: one partition per incident, so that the incident row, its reports and
/// its timeline change together in one entity-group transaction, guarded by the incident row's ETag.
/// </summary>
public sealed class IncidentStore(StorageConnection storage)
{
    public const int MaxPageSize = 100;

    private TableClient Table => storage.Table(TableNames.Incidents);

    /// <summary>Reads the incident row alone, or null.</summary>
    public async Task<Incident?> FindAsync(string incidentId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(incidentId, IncidentRows.Incident, cancellationToken: cancellationToken);
        return response.HasValue ? IncidentMapping.ToIncident(response.Value!) : null;
    }

    /// <summary>Reads the incident with its reports and timeline in one partition query, or null.</summary>
    public async Task<IncidentRecord?> LoadAsync(string incidentId, CancellationToken cancellationToken)
    {
        Incident? incident = null;
        var reports = new List<ReportRecord>();
        var timeline = new List<TimelineEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {incidentId}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == IncidentRows.Incident)
            {
                incident = IncidentMapping.ToIncident(row);
            }
            else if (row.RowKey.StartsWith(IncidentRows.ReportPrefix, StringComparison.Ordinal))
            {
                reports.Add(IncidentMapping.ToReport(row));
            }
            else if (row.RowKey.StartsWith(IncidentRows.TimelinePrefix, StringComparison.Ordinal))
            {
                timeline.Add(IncidentMapping.ToTimelineEntry(row));
            }
        }

        return incident is null
            ? null
            : new IncidentRecord(incident, reports.OrderBy(r => r.ReceivedAt).ToList(), timeline.OrderBy(t => t.Sequence).ToList());
    }

    /// <summary>
    /// Writes a change all or nothing: the incident row (added when <paramref name="current"/> is null, else replaced if
    /// nobody changed it since it was read), the report, the timeline entries and the notices. Says whether someone got
    /// there first (the row exists, or changed: read again) or the report was filed already.
    /// </summary>
    public async Task<IncidentWriteResult> WriteAsync(Incident? current, IncidentChange change, CancellationToken cancellationToken)
    {
        var id = change.Next.Id;
        var actions = new List<TableTransactionAction>
        {
            current is null
                ? new(TableTransactionActionType.Add, IncidentMapping.ToRow(change.Next with { ETag = string.Empty }))
                : new(TableTransactionActionType.UpdateReplace, IncidentMapping.ToRow(change.Next), new ETag(current.ETag)),
        };
        if (change.Report is { } report)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, IncidentMapping.ToRow(id, report)));
        }

        actions.AddRange(change.Timeline.Select(e => new TableTransactionAction(TableTransactionActionType.Add, IncidentMapping.ToRow(id, e))));
        actions.AddRange(change.Notices.Select(n => new TableTransactionAction(TableTransactionActionType.Add, IncidentMapping.ToRow(id, n))));
        try
        {
            var responses = (await Table.SubmitTransactionAsync(actions, cancellationToken)).Value;
            return new IncidentWriteResult(IncidentWrite.Written, responses[0].Headers.ETag?.ToString());
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            // The report row comes right after the incident row: when it is the one that failed, the report is filed
            // already. When the service does not say which failed, the report row itself tells.
            var reportExists = change.Report is { } filed && current is not null && e.Status == 409 &&
                (e.FailedTransactionActionIndex == 1 || (e.FailedTransactionActionIndex is null && await HasReportAsync(id, filed.ReporterId, filed.ReportId, cancellationToken)));
            return new IncidentWriteResult(reportExists ? IncidentWrite.ReportExists : IncidentWrite.Conflict, null);
        }
    }

    /// <summary>Notice <paramref name="number"/> as issued, or null if it never was.</summary>
    public async Task<IssuedNotice?> FindNoticeAsync(string incidentId, int number, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(incidentId, IncidentRows.Notice(number), cancellationToken: cancellationToken);
        return response.HasValue ? IncidentMapping.ToNotice(response.Value!) : null;
    }

    /// <summary>The incident's public notices (alert, updates, cancellation), in order.</summary>
    public async Task<List<IssuedNotice>> PublicNoticesAsync(string incidentId, CancellationToken cancellationToken)
    {
        // '}' follows '|': the range is every notice row.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {incidentId} and RowKey gt {IncidentRows.NoticePrefix} and RowKey lt {"notice}"}");
        var notices = new List<IssuedNotice>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var notice = IncidentMapping.ToNotice(row);
            if (notice.Audience == NoticeAudience.Subscribers)
            {
                notices.Add(notice);
            }
        }

        return notices.OrderBy(n => n.Number).ToList();
    }

    /// <summary>True when the incident already holds this reporter's report.</summary>
    public async Task<bool> HasReportAsync(string incidentId, string reporterId, string reportId, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(incidentId, IncidentRows.Report(reporterId, reportId), select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    /// <summary>
    /// Records that the fan-out of <paramref name="notice"/> has been queued, unless the incident moved on meanwhile
    /// (then whoever changed it owns the flag, and a spare start is harmless).
    /// </summary>
    public Task MarkFanoutQueuedAsync(string incidentId, int notice, CancellationToken cancellationToken) =>
        ClearOutboxFlagAsync(incidentId, "FanoutPending", "FanoutNotice", row => row.GetInt32("FanoutNotice") == notice, cancellationToken);

    /// <summary>
    /// Clears the review outbox flag once reviews up to <paramref name="upTo"/> are queued, unless a later review was
    /// issued meanwhile (then the flag stays for the sweep; a review queued twice is sent once).
    /// </summary>
    public Task MarkReviewsQueuedAsync(string incidentId, int upTo, CancellationToken cancellationToken) =>
        ClearOutboxFlagAsync(incidentId, "ReviewPending", "LastReview", row => row.GetInt32("LastReview") <= upTo, cancellationToken);

    /// <summary>Incidents with a review issued at or before <paramref name="dueBy"/> whose fan-out was never queued (a crash in between).</summary>
    public IAsyncEnumerable<Incident> FindReviewPendingAsync(DateTimeOffset dueBy, CancellationToken cancellationToken) =>
        IncidentsWhereAsync(TableClient.CreateQueryFilter($"RowKey eq {IncidentRows.Incident} and ReviewPending eq {true} and LastReviewAt le {dueBy}"), cancellationToken);

    /// <summary>The numbers of the incident's reviews (notices to analysts).</summary>
    public async Task<List<int>> ReviewNumbersAsync(string incidentId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {incidentId} and Audience eq {nameof(NoticeAudience.Analysts)}");
        var numbers = new List<int>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["Number"], cancellationToken: cancellationToken))
        {
            numbers.Add(row.GetInt32("Number") ?? 0);
        }

        return numbers;
    }

    /// <summary>Incidents released at or before <paramref name="dueBy"/> whose fan-out was never queued (a crash in between).</summary>
    public IAsyncEnumerable<Incident> FindFanoutPendingAsync(DateTimeOffset dueBy, CancellationToken cancellationToken) =>
        IncidentsWhereAsync(TableClient.CreateQueryFilter($"RowKey eq {IncidentRows.Incident} and FanoutPending eq {true} and ReleasedAt le {dueBy}"), cancellationToken);

    /// <summary>Incidents with any of the given statuses, newest first (incident ids sort so).</summary>
    public async Task<IncidentPage> ListAsync(IReadOnlyCollection<IncidentStatus> statuses, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(statuses.Count);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);

        // Each part is built by CreateQueryFilter; only the finished, quoted parts are joined.
        var anyStatus = string.Join(" or ", statuses.Distinct().Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}")));
        var filter = TableClient.CreateQueryFilter($"RowKey eq {IncidentRows.Incident}") + $" and ({anyStatus})";
        var (rows, token) = await FilteredScan.PageAsync(Table, filter, pageSize, continuationToken, cancellationToken);
        return new IncidentPage(rows.Select(IncidentMapping.ToIncident).ToList(), token);
    }

    /// <summary>Held incidents whose hold ended at or before <paramref name="dueBy"/>.</summary>
    public IAsyncEnumerable<Incident> FindHeldDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        var held = nameof(IncidentStatus.Held);
        var contested = nameof(IncidentStatus.Contested);
        return IncidentsWhereAsync(
            TableClient.CreateQueryFilter($"RowKey eq {IncidentRows.Incident} and (Status eq {held} or Status eq {contested}) and HoldUntil le {dueBy}"), cancellationToken);
    }

    private async IAsyncEnumerable<Incident> IncidentsWhereAsync(string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return IncidentMapping.ToIncident(entity);
        }
    }

    /// <summary>
    /// Clears an outbox flag of the incident row, if it is set and <paramref name="covered"/> says what was queued covers
    /// what the flag stands for; guarded by the row's ETag, so a change in between leaves the flag set.
    /// </summary>
    private async Task ClearOutboxFlagAsync(string incidentId, string flag, string detail, Func<TableEntity, bool> covered, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(incidentId, IncidentRows.Incident, select: [flag, detail], cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value!.GetBoolean(flag) != true || !covered(response.Value))
        {
            return;
        }

        try
        {
            await Table.UpdateEntityAsync(new TableEntity(incidentId, IncidentRows.Incident) { [flag] = false }, response.Value.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Changed meanwhile: see the callers for who owns the flag then.
        }
    }
}
