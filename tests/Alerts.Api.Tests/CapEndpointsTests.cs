using System.Xml.Linq;
using Alerts.Core.Domain.Cap;
using Alerts.Core.Pipeline.Decisions;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Api.Tests;

/// <summary>The CAP endpoints and the CAP forms of the incident routes, called by name with real requests over Azurite.</summary>
public class CapEndpointsTests
{
    private static readonly XNamespace Cap = CapNames.Namespace;

    private static async Task<HttpCallResponse> Call(ApiHarness harness, Func<Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Http.IResult>> endpoint, string path, string? key, string? accept = null)
    {
        var request = harness.Request("GET", path, key);
        if (accept is not null)
        {
            request.Headers.Accept = accept;
        }

        return await HttpCalls.ExecuteAsync(request, await endpoint(request));
    }

    [Fact]
    public async Task SubmitIncident_ACapAlert_Is202WithTheJsonBody_AsApplicationXmlToo()
    {
        var harness = await ApiHarness.CreateAsync();
        var endpoints = harness.Get<IncidentEndpoints>();

        var cap = harness.Request("POST", "/api/incidents", TestApiKeys.Reporter, CapDocuments.Alert("PL-API-1"), CapDocuments.MediaType);
        var taken = await HttpCalls.ExecuteAsync(cap, await endpoints.SubmitIncident(cap, CancellationToken.None));
        var xml = harness.Request("POST", "/api/incidents", TestApiKeys.Reporter, CapDocuments.Alert("PL-API-1"), "application/xml; charset=utf-8");
        var again = await HttpCalls.ExecuteAsync(xml, await endpoints.SubmitIncident(xml, CancellationToken.None));

        Assert.Equal(202, taken.Status);
        Assert.Equal("opened", taken.Json.GetProperty("outcome").GetString());
        Assert.Equal($"/api/incidents/{taken.Json.GetProperty("incidentId").GetString()}", taken.Headers.Location.ToString());
        Assert.Equal(202, again.Status);
        Assert.Equal("duplicate", again.Json.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData(TestApiKeys.Analyst, 403)]
    [InlineData(TestApiKeys.Feed, 403)]
    public async Task SubmitIncident_ACapAlertWithoutAReportersKey_IsRefused_AndStoresNothing(string? key, int status)
    {
        var harness = await ApiHarness.CreateAsync();
        var post = harness.Request("POST", "/api/incidents", key, CapDocuments.Alert("PL-API-1"), CapDocuments.MediaType);

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<IncidentEndpoints>().SubmitIncident(post, CancellationToken.None));

        Assert.Equal(status, response.Status);
        Assert.True(response.IsProblem);
        Assert.Empty(await StorageProbe.RowsAsync(harness.Account, TableNames.Incidents));
    }

    [Fact]
    public async Task GetIncident_AsCap_IsNotFoundWhileHeld_ThenTheAlertOnceReleased_AndJsonStaysTheDefault()
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var endpoints = harness.Get<IncidentEndpoints>();
        Task<Microsoft.AspNetCore.Http.IResult> Get(Microsoft.AspNetCore.Http.HttpRequest r) => endpoints.GetIncident(r, id, CancellationToken.None);

        var held = await Call(harness, Get, $"/api/incidents/{id}", TestApiKeys.Feed, CapDocuments.MediaType);
        var heldJsonForFeed = await Call(harness, Get, $"/api/incidents/{id}", TestApiKeys.Feed);
        await harness.Get<AnalystDecisions>().ConfirmAsync(id, "test-analyst", null, CancellationToken.None);
        var released = await Call(harness, Get, $"/api/incidents/{id}", TestApiKeys.Feed, "application/json;q=0.5, application/cap+xml");
        var json = await Call(harness, Get, $"/api/incidents/{id}", TestApiKeys.Reporter, "application/json, application/cap+xml;q=0.9");

        Assert.Equal(404, held.Status);
        Assert.True(held.IsProblem);
        Assert.Equal(403, heldJsonForFeed.Status);
        Assert.Equal(200, released.Status);
        Assert.Equal(CapNames.MediaType, released.Headers.ContentType.ToString());
        Assert.Equal($"{id}.1", XDocument.Parse(released.Body).Root!.Element(Cap + "identifier")!.Value);
        Assert.Equal(200, json.Status);
        Assert.Equal(id, json.Json.GetProperty("incidentId").GetString());
    }

    [Fact]
    public async Task GetNotice_ThePublicNoticesOfAReleasedIncident_AndNothingElse()
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var endpoints = harness.Get<CapEndpoints>();
        Func<Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Http.IResult>> Notice(string n) => r => endpoints.GetNotice(r, id, n, CancellationToken.None);

        var held = await Call(harness, Notice("1"), $"/api/incidents/{id}/notices/1", TestApiKeys.Analyst);
        await harness.Get<AnalystDecisions>().ConfirmAsync(id, "test-analyst", null, CancellationToken.None);
        var alert = await Call(harness, Notice("1"), $"/api/incidents/{id}/notices/1", TestApiKeys.Feed);
        var none = await Call(harness, Notice("2"), $"/api/incidents/{id}/notices/2", TestApiKeys.Feed);
        var notANumber = await Call(harness, Notice("one"), $"/api/incidents/{id}/notices/one", TestApiKeys.Feed);
        var noKey = await Call(harness, Notice("1"), $"/api/incidents/{id}/notices/1", null);

        Assert.Equal(404, held.Status);
        Assert.Equal(200, alert.Status);
        Assert.True(CapDocumentReader.Read(System.Text.Encoding.UTF8.GetBytes(alert.Body)).IsValid);
        Assert.Equal(404, none.Status);
        Assert.Equal(404, notANumber.Status);
        Assert.Equal(401, noKey.Status);
    }

    [Theory]
    [InlineData(TestApiKeys.Feed, 200)]
    [InlineData(TestApiKeys.Analyst, 200)]
    [InlineData(TestApiKeys.Reporter, 403)]
    [InlineData(null, 401)]
    public async Task GetFeed_IsAtom_ForFeedKeysAndTheDesk(string? key, int status)
    {
        var harness = await ApiHarness.CreateAsync();

        var response = await Call(harness, r => harness.Get<CapEndpoints>().GetFeed(r, CancellationToken.None), "/api/feed", key);

        Assert.Equal(status, response.Status);
        if (status == 200)
        {
            Assert.Equal(AtomFeedWriter.MediaType, response.Headers.ContentType.ToString());
            Assert.Equal("feed", XDocument.Parse(response.Body).Root!.Name.LocalName);
        }
        else
        {
            Assert.True(response.IsProblem);
        }
    }
}
