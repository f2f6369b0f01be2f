using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Pipeline;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline.Intake;

/// <summary>Intake against real Azurite: what is stored, and idempotency under concurrency.</summary>
public class IntakeHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(StorageAccount Account, ServiceProvider Services)> SetUp(Dictionary<string, string?>? settings = null)
    {
        var account = await StorageAccount.CreateAsync();
        return (account, CoreServices.Create(account, new FakeTimeProvider(Now), settings));
    }

    private static ValidatedReport Validate(IServiceProvider services, string reportId) =>
        services.GetRequiredService<ReportValidator>().Validate(SampleReports.Przewodow(reportId, Now.AddMinutes(-3))).Report!;

    [Fact]
    public async Task SubmitAsync_NewReport_StoresIncidentReportTimelineClaimAndOneReleaseMessage()
    {
        var (account, services) = await SetUp();
        var intake = services.GetRequiredService<IntakeHandler>();

        var result = await intake.SubmitAsync("reporter-a", Validate(services, "r-100"), CancellationToken.None);

        Assert.True(result.Created);
        Assert.Equal(IncidentStatus.Held, result.Incident.Status);
        Assert.Equal(Now + TimeSpan.FromMinutes(8), result.Incident.HoldUntil); // extreme 5 + C3 0 + possible 3
        var rows = await StorageProbe.RowsAsync(account, TableNames.Incidents, result.Incident.Id);
        Assert.Equal(
            new[] { "incident", "report|reporter-a|r-100", "timeline|000001", "timeline|000002" },
            rows.Select(r => r.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal("Held", rows.Single(r => r.RowKey == "incident").GetString("Status"));
        var index = await StorageProbe.RowsAsync(account, TableNames.IntakeIndex, "PL");
        var claim = Assert.Single(index, r => r.RowKey == "claim|reporter-a|r-100");
        Assert.Equal(result.Incident.Id, claim.GetString("IncidentId"));
        Assert.Single(index, r => r.RowKey.StartsWith("area|", StringComparison.Ordinal) && r.GetString("Entries0")?.Contains(result.Incident.Id, StringComparison.Ordinal) == true);
        Assert.Equal(1, await StorageProbe.QueueLengthAsync(account, PipelineStages.ReleaseQueue));
    }

    [Fact]
    public async Task SubmitAsync_SameReport50TimesAtOnce_OneIncidentOneReportOneReleaseMessage()
    {
        var (account, services) = await SetUp();
        var intake = services.GetRequiredService<IntakeHandler>();
        var report = Validate(services, "r-dup");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => intake.SubmitAsync("reporter-a", report, CancellationToken.None))));

        var id = Assert.Single(results.Select(r => r.Incident.Id).Distinct());
        Assert.Single(results, r => r.Created);
        var incidentRows = await StorageProbe.RowsAsync(account, TableNames.Incidents);
        Assert.Single(incidentRows, r => r.RowKey == "incident");
        Assert.Single(incidentRows, r => r.RowKey.StartsWith("report|", StringComparison.Ordinal));
        Assert.All(incidentRows, r => Assert.Equal(id, r.PartitionKey));
        Assert.Equal(1, await StorageProbe.QueueLengthAsync(account, PipelineStages.ReleaseQueue));
    }

    [Fact]
    public async Task SubmitAsync_SameReportIdFromAnotherReporter_IsAnotherIncident()
    {
        var (_, services) = await SetUp();
        var intake = services.GetRequiredService<IntakeHandler>();

        var a = await intake.SubmitAsync("reporter-a", Validate(services, "r-1"), CancellationToken.None);
        var elsewhere = services.GetRequiredService<ReportValidator>().Validate(SampleReports.Przewodow("r-1", Now.AddMinutes(-3))).Report!;
        elsewhere = elsewhere with { Facts = elsewhere.Facts with { Location = elsewhere.Facts.Location with { Place = "Hrubieszów", Lat = 50.80, Lon = 23.89 }, Category = "drone-incursion" } };
        var b = await intake.SubmitAsync("reporter-b", elsewhere, CancellationToken.None);

        Assert.NotEqual(a.Incident.Id, b.Incident.Id);
    }

    [Fact]
    public async Task SubmitAsync_ClaimWrittenButIncidentNot_RetryCompletesTheSameIncident()
    {
        // A first attempt that crashed after claiming the report id (and filing its incident) leaves only that behind.
        var (account, services) = await SetUp();
        var facts = Validate(services, "r-crash").Facts;
        var options = services.GetRequiredService<IOptions<VerificationOptions>>().Value;
        var index = services.GetRequiredService<IntakeIndex>();
        var around = await index.ReadAsync(CorrelationArea.Around(facts, options), CancellationToken.None);
        var claimed = await index.ClaimNewAsync(
            "reporter-a", "r-crash", AreaEntry.Of("inc-0000000000crash0", facts, Now), CorrelationArea.Of(facts, options), around, Now.AddHours(-6), CancellationToken.None);
        Assert.Equal(ClaimStatus.Claimed, claimed.Status);

        var result = await services.GetRequiredService<IntakeHandler>().SubmitAsync("reporter-a", Validate(services, "r-crash"), CancellationToken.None);

        Assert.Equal("inc-0000000000crash0", result.Incident.Id);
        Assert.True(result.Created);
        Assert.Equal(4, (await StorageProbe.RowsAsync(account, TableNames.Incidents, result.Incident.Id)).Count);
    }

    [Fact]
    public async Task SubmitAsync_ReleaseQueueUnavailable_StillAcceptedAndTheSweepReleasesIt()
    {
        var (account, services) = await SetUp();
        await account.Connection.Queue(PipelineStages.ReleaseQueue).DeleteAsync();
        var time = (FakeTimeProvider)services.GetRequiredService<TimeProvider>();

        var result = await services.GetRequiredService<IntakeHandler>().SubmitAsync("reporter-a", Validate(services, "r-lost"), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(20));
        var released = await services.GetRequiredService<Alerts.Core.Pipeline.Release.ReleaseSweep>().RunAsync(CancellationToken.None);

        Assert.Equal(1, released);
        var incident = await services.GetRequiredService<IncidentStore>().FindAsync(result.Incident.Id, CancellationToken.None);
        Assert.Equal(IncidentStatus.Released, incident!.Status);
    }
}
