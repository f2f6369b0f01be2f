using Alerts.Core.Pipeline.Decisions;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Storage;

/// <summary>
/// Correlation through the intake index against real Azurite, with several service providers standing in for
/// several instances of the service (each with its own cache of area rows).
/// </summary>
public class IntakeIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static ServiceProvider Instance(StorageAccount account) => CoreServices.Create(account, new FakeTimeProvider(Now));

    private static ValidatedReport Report(IServiceProvider services, string reportId, Action<IncidentReport>? change = null)
    {
        var report = SampleReports.Przewodow(reportId, Now.AddMinutes(-3));
        change?.Invoke(report);
        return services.GetRequiredService<ReportValidator>().Validate(report).Report!;
    }

    [Fact]
    public async Task EightReportersReportOneNewEventAtOnce_OnFourInstances_OneIncidentTheRestCorroborate()
    {
        var account = await StorageAccount.CreateAsync();
        var instances = Enumerable.Range(0, 4).Select(_ => Instance(account)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            var services = instances[i % instances.Count];
            return services.GetRequiredService<IntakeHandler>().SubmitAsync($"reporter-{i}", Report(services, $"r-{i}"), CancellationToken.None);
        })));

        var id = Assert.Single(results.Select(r => r.Incident.Id).Distinct());
        Assert.Single(results, r => r.Outcome == IntakeOutcome.Opened);
        Assert.Equal(7, results.Count(r => r.Outcome == IntakeOutcome.Corroborated));
        var incident = await instances[0].GetRequiredService<IncidentStore>().LoadAsync(id, CancellationToken.None);
        Assert.Equal(8, incident!.Reports.Count);
        Assert.Equal(7, incident.Incident.Corroborations);
        Assert.Single(await StorageProbe.RowsAsync(account, TableNames.Incidents), r => r.RowKey == IncidentRows.Incident);
    }

    [Fact]
    public async Task AnInstanceWhoseCacheIsStale_StillJoinsTheIncidentAnotherInstanceOpened()
    {
        var account = await StorageAccount.CreateAsync();
        var a = Instance(account);
        var b = Instance(account);

        // A caches the area: it files an exercise at the same spot (exercises never match real incidents).
        var exercise = await a.GetRequiredService<IntakeHandler>().SubmitAsync("reporter-x", Report(a, "drill", r => r.Exercise = true), CancellationToken.None);
        var opened = await b.GetRequiredService<IntakeHandler>().SubmitAsync("reporter-1", Report(b, "r-1"), CancellationToken.None);
        var second = await a.GetRequiredService<IntakeHandler>().SubmitAsync("reporter-2", Report(a, "r-2"), CancellationToken.None);

        Assert.Equal(IntakeOutcome.Opened, exercise.Outcome);
        Assert.Equal(IntakeOutcome.Opened, opened.Outcome);
        Assert.NotEqual(exercise.Incident.Id, opened.Incident.Id);
        Assert.Equal(IntakeOutcome.Corroborated, second.Outcome);
        Assert.Equal(opened.Incident.Id, second.Incident.Id);
    }

    [Fact]
    public async Task ARetractedIncident_IsNotJoined_TheNextReportOpensANewOne()
    {
        var account = await StorageAccount.CreateAsync();
        var services = Instance(account);
        var intake = services.GetRequiredService<IntakeHandler>();
        var first = await intake.SubmitAsync("reporter-1", Report(services, "r-1"), CancellationToken.None);
        var decision = await services.GetRequiredService<AnalystDecisions>().RetractAsync(first.Incident.Id, "analyst-1", "hoax", CancellationToken.None);
        Assert.Equal(DecisionStatus.Done, decision.Status);

        var next = await intake.SubmitAsync("reporter-2", Report(services, "r-2"), CancellationToken.None);

        Assert.Equal(IntakeOutcome.Opened, next.Outcome);
        Assert.NotEqual(first.Incident.Id, next.Incident.Id);
    }

    [Fact]
    public async Task RepeatOfAReportThatJoined_IsADuplicate_AndStoresNothingNew()
    {
        var account = await StorageAccount.CreateAsync();
        var services = Instance(account);
        var intake = services.GetRequiredService<IntakeHandler>();
        var first = await intake.SubmitAsync("reporter-1", Report(services, "r-1"), CancellationToken.None);
        var joined = await intake.SubmitAsync("reporter-2", Report(services, "r-2"), CancellationToken.None);
        var rowsBefore = (await StorageProbe.RowsAsync(account, TableNames.Incidents)).Count;

        var repeat = await Instance(account).GetRequiredService<IntakeHandler>().SubmitAsync("reporter-2", Report(services, "r-2"), CancellationToken.None);

        Assert.Equal(IntakeOutcome.Corroborated, joined.Outcome);
        Assert.Equal(IntakeOutcome.Duplicate, repeat.Outcome);
        Assert.Equal(first.Incident.Id, repeat.Incident.Id);
        Assert.Equal(rowsBefore, (await StorageProbe.RowsAsync(account, TableNames.Incidents)).Count);
    }

    [Fact]
    public async Task AnIncidentAnAnalystMoved_IsFoundByReportsAtItsNewPlace()
    {
        var account = await StorageAccount.CreateAsync();
        var services = Instance(account);
        var intake = services.GetRequiredService<IntakeHandler>();
        var first = await intake.SubmitAsync("reporter-1", Report(services, "r-1"), CancellationToken.None);
        var patch = System.Text.Json.Nodes.JsonNode.Parse("""{"location":{"place":"Hrubieszów","lat":50.80,"lon":23.89}}""")!;
        var amended = await services.GetRequiredService<AnalystDecisions>().AmendAsync(first.Incident.Id, "analyst-1", first.Incident.ContentTag, patch, "wrong village", CancellationToken.None);
        Assert.Equal(DecisionStatus.Done, amended.Status);

        // 40 km north of the first report: too far from where it was filed, close to where the analyst put it.
        var later = await Instance(account).GetRequiredService<IntakeHandler>().SubmitAsync(
            "reporter-2", Report(services, "r-2", r => { r.Location!.Place = "Hrubieszów"; r.Location.Lat = 50.81; r.Location.Lon = 23.90; }), CancellationToken.None);

        Assert.Equal(IntakeOutcome.Corroborated, later.Outcome);
        Assert.Equal(first.Incident.Id, later.Incident.Id);
    }
}
