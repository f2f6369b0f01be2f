using System.Net;
using System.Text;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>
/// CAP documents the server refuses: hostile XML, documents the schema refuses, and alerts that do not map onto a
/// report. Each answer is a problem naming the element, and nothing is stored (one server, whose tables stay empty).
/// </summary>
public class CapIntakeRejectionTests(RunningServerFixture fixture) : IClassFixture<RunningServerFixture>
{
    private static readonly string Deep = string.Concat(Enumerable.Repeat("<s>", 50)) + string.Concat(Enumerable.Repeat("</s>", 50));

    public static TheoryData<string, string, string> Refused => new()
    {
        { "external entity (XXE)", """<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>""", "$" },
        { "external DTD", """<?xml version="1.0"?><!DOCTYPE alert SYSTEM "http://127.0.0.1:9/cap.dtd"><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>""", "$" },
        { "billion laughs", """<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&d;</identifier></alert>""", "$" },
        { "over-deep nesting", CapDocuments.Alert("PL-X-1").Replace("</alert>", $"<x:Signature xmlns:x=\"http://www.w3.org/2000/09/xmldsig#\">{Deep}</x:Signature></alert>", StringComparison.Ordinal), "$" },
        { "not well-formed", """<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</alert>""", "$" },
        { "CAP 1.1", CapDocuments.Alert("PL-X-1").Replace("cap:1.2", "cap:1.1", StringComparison.Ordinal), "$" },
        { "an unknown severity", CapDocuments.Alert("PL-X-1", CapDocuments.Info(severity: "Apocalyptic")), "alert/info[1]/severity" },
        { "status Test", CapDocuments.Alert("PL-X-1", status: "Test"), "alert/status" },
        { "status Draft", CapDocuments.Alert("PL-X-1", status: "Draft"), "alert/status" },
        { "status System", CapDocuments.Alert("PL-X-1", status: "System"), "alert/status" },
        { "msgType Ack", CapDocuments.Message("PL-X-1", "Ack", references: CapDocuments.Reference("PL-X-0")), "alert/msgType" },
        { "msgType Error", CapDocuments.Message("PL-X-1", "Error", references: CapDocuments.Reference("PL-X-0")), "alert/msgType" },
        { "a weather alert", CapDocuments.Alert("PL-X-1", CapDocuments.Info(category: "Met", @event: "Tornado")), "alert/info[1]/category[1]" },
        { "an event that names no category", CapDocuments.Alert("PL-X-1", CapDocuments.Info(@event: "Loud bang")), "alert/info[1]/event" },
        { "no info", CapDocuments.Message("PL-X-1"), "alert" },
        { "no country", CapDocuments.Alert("PL-X-1", CapDocuments.Info(area: "<area><areaDesc>Somewhere</areaDesc><circle>50.4717,23.9336 2</circle></area>")), "alert/info[1]/area[1]" },
        { "geocodes only", CapDocuments.Alert("PL-X-1", CapDocuments.Info(area: "<area><areaDesc>Lublin</areaDesc><geocode><valueName>ISO3166-2</valueName><value>PL-LU</value></geocode></area>")), "alert/info[1]/area[1]" },
        { "a ring that is not closed", CapDocuments.Alert("PL-X-1", CapDocuments.Info(area: "<area><areaDesc>x</areaDesc><polygon>50,23 51,23 51,24 50,24</polygon><geocode><valueName>ISO3166-1</valueName><value>PL</value></geocode></area>")), "alert/info[1]/area[1]/polygon[1]" },
        { "a bow-tie polygon", CapDocuments.Alert("PL-X-1", CapDocuments.Info(area: "<area><areaDesc>x</areaDesc><polygon>50,23 51,24 50,24 51,23 50,23</polygon><geocode><valueName>ISO3166-1</valueName><value>PL</value></geocode></area>")), "alert/info[1]/area[1]/polygon[1]" },
        { "a circle too large", CapDocuments.Alert("PL-X-1", CapDocuments.Info(area: "<area><areaDesc>x</areaDesc><circle>50.4,23.9 5000</circle><geocode><valueName>ISO3166-1</valueName><value>PL</value></geocode></area>")), "alert/info[1]/area[1]/circle[1]" },
        { "a headline too long", CapDocuments.Alert("PL-X-1", CapDocuments.Info(headline: new string('x', 2001))), "alert/info[1]/headline" },
        { "casualties not a number", CapDocuments.Alert("PL-X-1", CapDocuments.Info(parameters: "<parameter><valueName>casualties.killed</valueName><value>two</value></parameter>")), "alert/info[1]/parameter[casualties.killed]" },
        { "an event years ago", CapDocuments.Alert("PL-X-1", CapDocuments.Info().Replace($"<onset>{CapDocuments.Now}</onset>", "<onset>2020-01-01T00:00:00+00:00</onset>", StringComparison.Ordinal)), "alert/info[1]/onset" },
        { "an identifier with a space", CapDocuments.Alert("PL X 1"), "alert/identifier" },
        { "an update of nothing known", CapDocuments.Message("PL-X-2", "Update", references: CapDocuments.Reference("PL-NEVER-SENT"), info: CapDocuments.Info()), "alert/references" },
        { "a cancel without references", CapDocuments.Message("PL-X-2", "Cancel"), "alert/references" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ARefusedDocument_IsAProblemNamingTheElement_AndStoresNothing(string why, string document, string element)
    {
        var server = fixture.Server;

        var response = await server.PostCap(document);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(element, out _), $"{why}: {errors}");
        await AssertNothingStoredAsync(server);
    }

    [Fact]
    public async Task ADocumentOverTheSizeCap_Is413_AndStoresNothing()
    {
        var server = fixture.Server;
        var huge = CapDocuments.Alert("PL-X-1", CapDocuments.Info(headline: new string('x', 40 * 1024)));

        var response = await server.PostCap(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await AssertNothingStoredAsync(server);
    }

    [Fact]
    public async Task BytesThatAreNotUtf8_AreRefused_AndStoreNothing()
    {
        var server = fixture.Server;
        var bytes = Encoding.UTF8.GetBytes(CapDocuments.Alert("PL-X-1")).ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'M'), [0xC3, 0x28, 0xFE]);
        var request = server.Request(HttpMethod.Post, "/api/incidents", RunningServer.ReporterKey);
        request.Content = new ByteArrayContent(bytes.ToArray());
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(CapDocuments.MediaType);

        var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("encoding", (await response.Json()).GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(server);
    }

    [Fact]
    public async Task XmlAsTextXml_Is415_NamingWhatIsTaken()
    {
        var response = await fixture.Server.PostCap(CapDocuments.Alert("PL-X-1"), contentType: "text/xml");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/cap+xml", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task AssertNothingStoredAsync(RunningServer server)
    {
        Assert.Empty(await StorageProbe.RowsAsync(server.Account, TableNames.Incidents));
        Assert.Empty(await StorageProbe.RowsAsync(server.Account, TableNames.IntakeIndex));
    }
}
