using Alerts.Core.Domain.Incidents;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Functions.Tests;

/// <summary>The analyst's decisions as HTTP triggers, called with real requests.</summary>
public class DecisionFunctionsTests
{
    [Fact]
    public async Task ExtendThenAmendThenConfirm_EachIsRecorded_AndTheIncidentIsReleased()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var functions = harness.Function<DecisionFunctions>();
        var id = (await harness.SubmitAsync()).GetProperty("incidentId").GetString()!;

        var extend = harness.Request("POST", $"/api/incidents/{id}/extend", FunctionsHarness.AnalystKey, """{"by":"00:10:00","reason":"imagery due"}""");
        var extended = await FunctionsHarness.Execute(extend, await functions.ExtendHold(extend, id, CancellationToken.None));
        var amend = harness.Request("PATCH", $"/api/incidents/{id}", FunctionsHarness.AnalystKey, """{"summary":"Air-defence missile fell on a grain dryer."}""", "application/merge-patch+json");
        amend.Headers.IfMatch = extended.Headers.ETag.ToString();
        var amended = await FunctionsHarness.Execute(amend, await functions.AmendIncident(amend, id, CancellationToken.None));
        var confirm = harness.Request("POST", $"/api/incidents/{id}/confirm", FunctionsHarness.AnalystKey, """{"reason":"verified"}""");
        var confirmed = await FunctionsHarness.Execute(confirm, await functions.ConfirmIncident(confirm, id, CancellationToken.None));

        Assert.Equal((200, 200, 200), (extended.Status, amended.Status, confirmed.Status));
        Assert.Equal("released", confirmed.Json.GetProperty("status").GetString());
        var actions = (await StorageProbe.RowsAsync(harness.Account, TableNames.Incidents, id)).Select(r => r.GetString("Action")).ToList();
        Assert.Contains(TimelineActions.Extended, actions);
        Assert.Contains(TimelineActions.Amended, actions);
        Assert.Contains(TimelineActions.Released, actions);
    }

    [Fact]
    public async Task RetractIncident_HeldIncident_IsRetracted_AndAReporterMayNot()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var functions = harness.Function<DecisionFunctions>();
        var id = (await harness.SubmitAsync()).GetProperty("incidentId").GetString()!;

        var denied = harness.Request("POST", $"/api/incidents/{id}/retract", FunctionsHarness.ReporterKey, """{"reason":"mine"}""");
        var refused = await FunctionsHarness.Execute(denied, await functions.RetractIncident(denied, id, CancellationToken.None));
        var retract = harness.Request("POST", $"/api/incidents/{id}/retract", FunctionsHarness.AnalystKey, """{"reason":"Ukrainian air-defence missile"}""");
        var retracted = await FunctionsHarness.Execute(retract, await functions.RetractIncident(retract, id, CancellationToken.None));

        Assert.Equal(403, refused.Status);
        Assert.True(refused.IsProblem);
        Assert.Equal(200, retracted.Status);
        Assert.Equal("retracted", retracted.Json.GetProperty("status").GetString());
    }
}
