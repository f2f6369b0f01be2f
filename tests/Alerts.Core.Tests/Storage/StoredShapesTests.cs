using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Storage;
using Alerts.Testing;
using Azure.Data.Tables;

namespace Alerts.Core.Tests.Storage;

/// <summary>Rows written before areas, formats and follow-ups still read, with defaults; the new properties round-trip.</summary>
public class StoredShapesTests
{
    [Fact]
    public async Task ASubscriberRowWithoutAreaOrFormat_ReadsAsJsonAnywhere_AndANewOneRoundTrips()
    {
        var account = await StorageAccount.CreateAsync();
        var store = new SubscriberStore(account.Connection);
        const string old = "sub-03-0123456789abcdef";
        await account.Connection.Table(TableNames.Subscribers).AddEntityAsync(new TableEntity(SubscriberStore.Partition, old)
        {
            ["Name"] = "written before issue 12", ["Channel"] = "Webhook", ["Target"] = "https://example.org/hook", ["Countries"] = "PL",
            ["MinimumSeverity"] = "Unknown", ["Categories"] = "", ["Enabled"] = true, ["Secrets"] = "[]",
        });
        var area = new IncidentArea([new AreaPolygon([new(50, 20), new(52, 20), new(52, 24), new(50, 20)])], "Lublin", [new Geocode("ISO3166-2", "PL-LU")]);
        var fresh = new Subscriber(SubscriberId.New(), "new", SubscriberChannel.Webhook, "https://example.org/cap", new SubscriberFilter([], Severity.Unknown, [], area), true, [], DateTimeOffset.UtcNow, "", Format: SubscriberFormat.Cap);
        await store.AddAsync(fresh, CancellationToken.None);

        var before = await store.FindAsync(old, CancellationToken.None);
        var after = await store.FindAsync(fresh.Id, CancellationToken.None);

        Assert.Equal(SubscriberFormat.Json, before!.Format);
        Assert.Null(before.Filter.Area);
        Assert.Equal(["PL"], before.Filter.Countries);
        Assert.Equal(SubscriberFormat.Cap, after!.Format);
        Assert.Equal("Lublin", after.Filter.Area!.Description);
        Assert.Equal(4, Assert.IsType<AreaPolygon>(Assert.Single(after.Filter.Area.Shapes)).Ring.Count);
    }

    [Fact]
    public async Task AnIncidentWrittenBeforeAreasAndFollowUps_ReadsWithDefaults()
    {
        var account = await StorageAccount.CreateAsync();
        var table = account.Connection.Table(TableNames.Incidents);
        const string id = "inc-0000000000000001";
        const string facts = """{"occurredAt":"2026-11-26T11:55:00+00:00","category":"missile-impact","severity":"extreme","certainty":"possible","urgency":"immediate","location":{"country":"PL","place":"Przewodów","lat":50.4717,"lon":23.9336},"summary":"Missile struck a grain dryer; two killed.","exercise":false}""";
        await table.AddEntityAsync(new TableEntity(id, IncidentRows.Incident)
        {
            ["Status"] = "Held", ["Version"] = 1, ["Facts"] = facts, ["ReporterId"] = "reporter-a", ["ReceivedAt"] = DateTimeOffset.UtcNow,
            ["HoldUntil"] = DateTimeOffset.UtcNow.AddMinutes(5), ["HoldReason"] = "held", ["TimelineCount"] = 0,
        });
        await table.AddEntityAsync(new TableEntity(id, IncidentRows.Report("reporter-a", "r-1")) { ["ReporterId"] = "reporter-a", ["ReportId"] = "r-1", ["ReceivedAt"] = DateTimeOffset.UtcNow, ["Body"] = facts });

        var record = await new IncidentStore(account.Connection).LoadAsync(id, CancellationToken.None);

        Assert.False(record!.Incident.AnalystAmended);
        Assert.Null(record.Incident.Facts.Area);
        Assert.Null(record.Incident.Facts.Translations);
        Assert.Equal(ReportKinds.Report, Assert.Single(record.Reports).Kind);
    }
}
