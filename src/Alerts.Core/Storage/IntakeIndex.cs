using System.Collections.Concurrent;
using Alerts.Core.Domain.Verification;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>
/// What intake looks up before it writes an incident, kept per country in one partition so that claiming a report
/// and filing its new incident are one entity-group transaction:
/// <list type="bullet">
/// <item>claim rows, <c>claim|{reporter}|{reportId}</c> → incident id: first writer wins, which makes intake idempotent;</item>
/// <item>correlation areas (<see cref="CorrelationArea"/>): the open incidents near an event, read by point reads;</item>
/// <item>per reporter (partition <c>reports|{reporter}</c>), where each CAP message it sent went, so that a later Update
/// or Cancel referring to it finds the incident whatever its country.</item>
/// </list>
/// Area rows are cached in memory. A stale cache costs nothing in correctness: a new incident is filed only if
/// every area around it is unchanged since it was read (ETags in the same transaction), so of two requests that
/// would open an incident for the same event at once, one succeeds and the other looks again and joins it.
/// </summary>
public sealed class IntakeIndex(StorageConnection storage)
{
    private const int MaxCachedRows = 20_000;
    private const int MaxFileAttempts = 10;
    private const string ClaimPrefix = "claim|";
    private const string IncidentIdProperty = "IncidentId";
    private const string ReportsPartitionPrefix = "reports|";

    private readonly ConcurrentDictionary<string, AreaRow> cache = new(StringComparer.Ordinal);

    private TableClient Table => storage.Table(TableNames.IntakeIndex);

    /// <summary>The rows of these areas, from the cache where it has them, read (in parallel) where not.</summary>
    public async Task<IReadOnlyList<AreaRow>> ReadAsync(IReadOnlyList<CorrelationArea> areas, CancellationToken cancellationToken) =>
        await Task.WhenAll(areas.Select(area => cache.TryGetValue(CacheKey(area), out var row) ? Task.FromResult(row) : LoadAsync(area, cancellationToken)));

    /// <summary>
    /// Claims (reporter, reportId) for the new incident <paramref name="entry"/> and files it in <paramref name="home"/>,
    /// all or nothing, provided none of <paramref name="around"/> changed since it was read.
    /// </summary>
    public async Task<ClaimResult> ClaimNewAsync(
        string reporterId,
        string reportId,
        AreaEntry entry,
        CorrelationArea home,
        IReadOnlyList<AreaRow> around,
        DateTimeOffset expiredBefore,
        CancellationToken cancellationToken)
    {
        var written = around.Select(row => row.Area == home ? row.With(entry, expiredBefore) : row).ToList();
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, Claim(home.Country, reporterId, reportId, entry.IncidentId)) };
        actions.AddRange(written.Select((row, i) => (around[i].ETag, row.Area == home) switch
        {
            (null, _) => new TableTransactionAction(TableTransactionActionType.Add, row.ToEntity()),
            ({ } etag, true) => new TableTransactionAction(TableTransactionActionType.UpdateReplace, row.ToEntity(), etag),

            // A neighbour is only guarded: an empty merge fails if it changed since read, and moves its ETag on.
            ({ } etag, false) => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(row.Area.Country, row.Area.RowKey), etag),
        }));
        try
        {
            var responses = (await Table.SubmitTransactionAsync(actions, cancellationToken)).Value;
            for (var i = 0; i < written.Count; i++)
            {
                RememberWritten(written[i], responses.Count > i + 1 ? responses[i + 1].Headers.ETag : null);
            }

            return new ClaimResult(ClaimStatus.Claimed, entry.IncidentId);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            // Either the claim exists already (a repeat of this report) or an area changed. When the service names the
            // failed action and it is an area row, the claim was fine; otherwise the claim row tells.
            if (e.FailedTransactionActionIndex is not > 0 && await FindClaimAsync(home.Country, reporterId, reportId, cancellationToken) is { } owner)
            {
                return new ClaimResult(ClaimStatus.Taken, owner);
            }

            foreach (var row in around)
            {
                Forget(row.Area);
            }

            return new ClaimResult(ClaimStatus.AreaChanged, null);
        }
    }

    /// <summary>
    /// Files an existing incident (again) in <paramref name="home"/>, e.g. after an analyst moved it. Unlike a new
    /// incident, it needs no claim and no guard on the areas around it; it retries until the row takes it.
    /// </summary>
    public async Task FileAsync(CorrelationArea home, AreaEntry entry, DateTimeOffset expiredBefore, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = (await ReadAsync([home], cancellationToken))[0];
            var next = row.With(entry, expiredBefore);
            try
            {
                var response = row.ETag is { } etag
                    ? await Table.UpdateEntityAsync(next.ToEntity(), etag, TableUpdateMode.Replace, cancellationToken)
                    : await Table.AddEntityAsync(next.ToEntity(), cancellationToken);
                RememberWritten(next, response.Headers.ETag);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxFileAttempts)
            {
                Forget(home);
            }
        }
    }

    /// <summary>Claims (reporter, reportId) for an existing incident: Claimed, or Taken with the incident that owns it.</summary>
    public async Task<ClaimResult> ClaimAsync(string country, string reporterId, string reportId, string incidentId, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(Claim(country, reporterId, reportId, incidentId), cancellationToken);
            return new ClaimResult(ClaimStatus.Claimed, incidentId);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var owner = await FindClaimAsync(country, reporterId, reportId, cancellationToken)
                ?? throw new InvalidOperationException($"The claim of report {reporterId}/{reportId} vanished.", e);
            return new ClaimResult(ClaimStatus.Taken, owner);
        }
    }

    /// <summary>The incident that owns (reporter, reportId), or null if the report was never claimed.</summary>
    public async Task<string?> FindClaimAsync(string country, string reporterId, string reportId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(country, ClaimRowKey(reporterId, reportId), select: [IncidentIdProperty], cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.GetString(IncidentIdProperty) : null;
    }

    /// <summary>Notes where a reporter's report went (idempotent): a follow-up referring to it finds the incident by it.</summary>
    public async Task RememberAsync(string reporterId, string reportId, string incidentId, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(ReportsPartitionPrefix + reporterId, reportId) { [IncidentIdProperty] = incidentId }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// The incident one of these reports (the newest first) went to: by the note <see cref="RememberAsync"/> made, else by
    /// the claim in <paramref name="country"/> (a report whose note was lost in a crash); null when none is known.
    /// </summary>
    public async Task<string?> LocateAsync(string reporterId, IReadOnlyList<string> reportIds, string? country, CancellationToken cancellationToken)
    {
        foreach (var reportId in reportIds.Reverse())
        {
            var noted = await Table.GetEntityIfExistsAsync<TableEntity>(ReportsPartitionPrefix + reporterId, reportId, select: [IncidentIdProperty], cancellationToken: cancellationToken);
            if (noted.HasValue)
            {
                return noted.Value!.GetString(IncidentIdProperty);
            }

            if (country is not null && await FindClaimAsync(country, reporterId, reportId, cancellationToken) is { } claimed)
            {
                return claimed;
            }
        }

        return null;
    }

    private static TableEntity Claim(string country, string reporterId, string reportId, string incidentId) =>
        new(country, ClaimRowKey(reporterId, reportId)) { [IncidentIdProperty] = incidentId };

    private static string ClaimRowKey(string reporterId, string reportId) => $"{ClaimPrefix}{reporterId}|{reportId}";

    private static string CacheKey(CorrelationArea area) => $"{area.Country}/{area.RowKey}";

    private async Task<AreaRow> LoadAsync(CorrelationArea area, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(area.Country, area.RowKey, cancellationToken: cancellationToken);
        var row = response.HasValue ? AreaRow.From(area, response.Value!) : AreaRow.Missing(area);
        Remember(row);
        return row;
    }

    private void Forget(CorrelationArea area) => cache.TryRemove(CacheKey(area), out _);

    /// <summary>Caches a row as written; without the new ETag from the service, it is read again next time instead.</summary>
    private void RememberWritten(AreaRow row, ETag? etag)
    {
        if (etag is { } written)
        {
            Remember(row with { ETag = written });
        }
        else
        {
            Forget(row.Area);
        }
    }

    private void Remember(AreaRow row)
    {
        if (cache.Count >= MaxCachedRows)
        {
            cache.Clear();
        }

        cache[CacheKey(row.Area)] = row;
    }
}
