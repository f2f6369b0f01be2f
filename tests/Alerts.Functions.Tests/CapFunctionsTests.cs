using System.Xml.Linq;
using Alerts.Core.Domain.Cap;
using Alerts.Core.Pipeline.Decisions;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Functions.Tests;

/// <summary>The CAP function class called directly with real HttpRequests; and CAP through the incident functions.</summary>
public class CapFunctionsTests
{
    [Fact]
    public async Task GetFeed_ForAFeedKey_IsAtom_AndRefusedToAReporter()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var functions = harness.Function<CapFunctions>();

        var feed = harness.Request("GET", "/api/feed", TestApiKeys.Feed);
        var (status, headers, body) = await FunctionsHarness.Execute(feed, await functions.GetFeed(feed, CancellationToken.None));
        var reporter = harness.Request("GET", "/api/feed", FunctionsHarness.ReporterKey);
        var refused = await FunctionsHarness.Execute(reporter, await functions.GetFeed(reporter, CancellationToken.None));

        Assert.Equal(200, status);
        Assert.Equal(AtomFeedWriter.MediaType, headers.ContentType.ToString());
        Assert.Equal("feed", XDocument.Parse(body).Root!.Name.LocalName);
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task ACapAlertSubmitted_ThenReleased_IsReadAsCapByNotice()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var post = harness.Request("POST", "/api/incidents", FunctionsHarness.ReporterKey, CapDocuments.Alert("PL-FN-1"), CapDocuments.MediaType);
        var submitted = await FunctionsHarness.Execute(post, await harness.Function<IncidentFunctions>().SubmitIncident(post, CancellationToken.None));
        var id = submitted.Json.GetProperty("incidentId").GetString()!;
        var functions = harness.Function<CapFunctions>();

        var held = harness.Request("GET", $"/api/incidents/{id}/notices/1", TestApiKeys.Feed);
        var heldStatus = (await FunctionsHarness.Execute(held, await functions.GetNotice(held, id, "1", CancellationToken.None))).Status;
        await harness.Services.GetRequiredService<AnalystDecisions>().ConfirmAsync(id, "test-analyst", null, CancellationToken.None);
        var released = harness.Request("GET", $"/api/incidents/{id}/notices/1", TestApiKeys.Feed);
        var (status, _, body) = await FunctionsHarness.Execute(released, await functions.GetNotice(released, id, "1", CancellationToken.None));

        Assert.Equal(202, submitted.Status);
        Assert.Equal(404, heldStatus);
        Assert.Equal(200, status);
        Assert.Equal("Alert", XDocument.Parse(body).Root!.Element(XName.Get("msgType", CapNames.Namespace))!.Value);
    }
}
