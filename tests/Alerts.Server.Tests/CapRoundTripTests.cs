using System.Net;
using System.Xml.Linq;
using Alerts.Core.Domain.Cap;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>
/// CAP in and out through the running server: a CAP report is held (its CAP form not published), released, then
/// corrected and cancelled; what the CAP subscriber receives, what GET returns and what the Atom feed lists reference
/// each other correctly, and every document is valid CAP 1.2.
/// </summary>
public class CapRoundTripTests
{
    private static readonly XNamespace Cap = CapNames.Namespace;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Thread = "http://purl.org/syndication/thread/1.0";

    private static XElement Valid(byte[] document)
    {
        var read = CapDocumentReader.Read(document);
        Assert.True(read.IsValid, string.Join("; ", read.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return read.Document!.Root!;
    }

    private static string Text(XElement alert, string name) => alert.Element(Cap + name)?.Value ?? string.Empty;

    [Fact]
    public async Task CapReport_HeldReleasedUpdatedCancelled_TheCapThatGoesOutReferencesCorrectly()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync(PipelineSettings.With(("Hold:Override", "00:30:00"), ("Links:PublicBaseUrl", "https://alerts.example.org")));
        var subscriber = await server.Subscribe($$$"""{"name":"CAP gateway","channel":"webhook","url":"{{{receiver.BaseUrl}}}cap","format":"cap","filters":{"countries":["PL"]}}""");
        var secret = subscriber.GetProperty("secret").GetString()!;

        // In: a CAP alert, held like any report, with the same 202 body as JSON.
        var posted = await server.PostCap(CapDocuments.Alert("PL-RT-001"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var accepted = await posted.Json();
        var id = accepted.GetProperty("incidentId").GetString()!;
        Assert.Equal("held", accepted.GetProperty("status").GetString());
        Assert.Equal("opened", accepted.GetProperty("outcome").GetString());
        Assert.Equal($"/api/incidents/{id}", posted.Headers.Location!.ToString());

        // Held: no CAP form anywhere (held facts must not leak), and the same message again is a duplicate.
        Assert.Equal(HttpStatusCode.NotFound, (await server.Get($"/api/incidents/{id}", RunningServer.FeedKey, CapDocuments.MediaType)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Get($"/api/incidents/{id}/notices/1", RunningServer.AnalystKey)).StatusCode);
        Assert.Equal("duplicate", (await (await server.PostCap(CapDocuments.Alert("PL-RT-001"))).Json()).GetProperty("outcome").GetString());
        var (view, _) = await server.Incident(id);
        Assert.Equal("PL", view.GetProperty("facts").GetProperty("location").GetProperty("country").GetString());
        Assert.Equal("Circle", view.GetProperty("facts").GetProperty("area").GetProperty("type").GetString());
        Assert.Equal($"{CapDocuments.Sender},PL-RT-001", view.GetProperty("reports")[0].GetProperty("reportId").GetString());

        // Released by an analyst: the CAP subscriber gets the Alert, signed.
        Assert.Equal(HttpStatusCode.OK, (await server.Decide(id, "confirm", """{"reason":"verified"}""")).StatusCode);
        var alert = await Eventually.Until(() => Task.FromResult(receiver.Requests.Where(r => r.Path == "/cap").ToList()), r => r.Count == 1);
        Assert.Equal(CapNames.MediaType, alert[0].Headers["Content-Type"].Split(';')[0]);
        Assert.True(WebhookSignature.Verifies(alert[0], secret));
        var first = Valid(alert[0].Body);
        Assert.Equal("Alert", Text(first, "msgType"));
        Assert.Equal($"{id}.1", Text(first, "identifier"));
        Assert.Equal("alerts.example.org", Text(first, "sender"));
        Assert.Equal("Restricted", Text(first, "scope"));
        Assert.Empty(Text(first, "references"));

        // GET with Accept: the current message is that alert; the feed key may read it.
        var current = await server.Get($"/api/incidents/{id}", RunningServer.FeedKey, CapDocuments.MediaType);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal($"{id}.1", Text(Valid(await current.Content.ReadAsByteArrayAsync()), "identifier"));

        // The reporter's own CAP Update after release does not reach subscribers: it is put to the analysts.
        var proposal = CapDocuments.Message("PL-RT-002", "Update", references: CapDocuments.Reference("PL-RT-001"), info: CapDocuments.Info(headline: "Stray interceptor struck a grain dryer; two killed."));
        var proposed = await server.PostCap(proposal);
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        Assert.Equal("proposed", (await proposed.Json()).GetProperty("outcome").GetString());

        // An analyst amends: the Update references the alert. (Notice 2 was the analysts' review of the proposal: notices
        // are numbered per incident, reviews among them, so the update is notice 3.)
        var (_, etag) = await server.Incident(id);
        Assert.Equal(HttpStatusCode.OK, (await server.Amend(id, etag, """{"summary":"Stray interceptor struck a grain dryer; two killed."}""")).StatusCode);
        var update = Valid((await Eventually.Until(() => Task.FromResult(receiver.Requests.Where(r => r.Path == "/cap").ToList()), r => r.Count == 2))[1].Body);
        Assert.Equal("Update", Text(update, "msgType"));
        Assert.Equal($"{id}.3", Text(update, "identifier"));
        Assert.Equal($"alerts.example.org,{id}.1,{Text(first, "sent")}", Text(update, "references"));
        Assert.Equal("Stray interceptor struck a grain dryer; two killed.", update.Element(Cap + "info")!.Element(Cap + "headline")!.Value);

        // Retracted: the Cancel references the alert and the update.
        Assert.Equal(HttpStatusCode.OK, (await server.Decide(id, "retract", """{"reason":"sensor fault"}""")).StatusCode);
        var cancel = Valid((await Eventually.Until(() => Task.FromResult(receiver.Requests.Where(r => r.Path == "/cap").ToList()), r => r.Count == 3))[2].Body);
        Assert.Equal("Cancel", Text(cancel, "msgType"));
        Assert.Equal($"alerts.example.org,{id}.1,{Text(first, "sent")} alerts.example.org,{id}.3,{Text(update, "sent")}", Text(cancel, "references"));

        // The feed: newest first, each entry linking its CAP message; the cancellation replies to both earlier ones.
        var feed = await Eventually.Until(
            async () => XDocument.Parse(await (await server.Get("/api/feed", RunningServer.FeedKey)).Content.ReadAsStringAsync()).Root!,
            f => f.Elements(Atom + "entry").Count() == 3);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["incident.cancel", "incident.update", "incident.alert"], entries.Select(e => e.Element(Atom + "category")!.Attribute("term")!.Value));
        Assert.Equal(
            [$"https://alerts.example.org/api/incidents/{id}/notices/1", $"https://alerts.example.org/api/incidents/{id}/notices/3"],
            entries[0].Elements(Thread + "in-reply-to").Select(r => r.Attribute("ref")!.Value));
        foreach (var (entry, n) in entries.Zip([4, 3, 1]))
        {
            var link = entry.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate");
            Assert.Equal(CapNames.MediaType, link.Attribute("type")!.Value);
            var message = await server.Get(new Uri(link.Attribute("href")!.Value).AbsolutePath, RunningServer.FeedKey);
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
            Assert.Equal($"{id}.{n}", Text(Valid(await message.Content.ReadAsByteArrayAsync()), "identifier"));
        }

        // The reporter's Cancel after the cancellation is recorded, and changes nothing.
        var withdrawn = await server.PostCap(CapDocuments.Message("PL-RT-003", "Cancel", references: CapDocuments.Reference("PL-RT-001")));
        Assert.Equal("withdrawn", (await withdrawn.Json()).GetProperty("outcome").GetString());
        Assert.Equal("cancelled", (await server.Incident(id)).View.GetProperty("status").GetString());
        Assert.Equal(3, receiver.Requests.Count(r => r.Path == "/cap"));
    }

    [Fact]
    public async Task CapExercise_GoesToExerciseSubscribersAsExercise_AndNeverIntoTheFeed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync(PipelineSettings.With());
        await server.Subscribe($$$"""{"name":"CAP drill desk","channel":"webhook","url":"{{{receiver.BaseUrl}}}drill","format":"cap","filters":{},"exercises":true}""");

        var id = (await (await server.PostCap(CapDocuments.Alert("PL-EX-001", status: "Exercise"))).Json()).GetProperty("incidentId").GetString()!;

        var received = await Eventually.Until(() => Task.FromResult(receiver.Requests.ToList()), r => r.Count == 1);
        Assert.Equal("Exercise", Text(Valid(received[0].Body), "status"));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Get($"/api/incidents/{id}", RunningServer.FeedKey, CapDocuments.MediaType)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Get($"/api/incidents/{id}", RunningServer.AnalystKey, CapDocuments.MediaType)).StatusCode);
        var feed = XDocument.Parse(await (await server.Get("/api/feed", RunningServer.FeedKey)).Content.ReadAsStringAsync()).Root!;
        Assert.Empty(feed.Elements(Atom + "entry"));
    }

    [Fact]
    public async Task CapUpdateAndCancel_WhileHeldOnTheReportersWordAlone_AmendThenRetract_NobodyIsTold()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync(PipelineSettings.With(("Hold:Override", "00:30:00")));
        await server.Subscribe($$$"""{"name":"all","channel":"webhook","url":"{{{receiver.BaseUrl}}}all","filters":{}}""");
        var id = (await (await server.PostCap(CapDocuments.Alert("PL-HU-001"))).Json()).GetProperty("incidentId").GetString()!;

        var update = CapDocuments.Message("PL-HU-002", "Update", references: CapDocuments.Reference("PL-HU-001"), info: CapDocuments.Info(severity: "Severe", parameters: "<parameter><valueName>casualties.killed</valueName><value>3</value></parameter>"));
        var amended = await (await server.PostCap(update)).Json();
        Assert.Equal("amended", amended.GetProperty("outcome").GetString());
        Assert.Equal(id, amended.GetProperty("incidentId").GetString());
        var facts = (await server.Incident(id)).View.GetProperty("facts");
        Assert.Equal("severe", facts.GetProperty("severity").GetString());
        Assert.Equal(3, facts.GetProperty("casualties").GetProperty("killed").GetInt32());
        Assert.Equal("duplicate", (await (await server.PostCap(update)).Json()).GetProperty("outcome").GetString());

        var withdrawn = await (await server.PostCap(CapDocuments.Message("PL-HU-003", "Cancel", references: $"{CapDocuments.Reference("PL-HU-001")} {CapDocuments.Reference("PL-HU-002")}"))).Json();
        Assert.Equal("withdrawn", withdrawn.GetProperty("outcome").GetString());
        Assert.Equal("retracted", withdrawn.GetProperty("status").GetString());
        var (view, _) = await server.Incident(id);
        Assert.Equal(["report", "amendment", "withdrawal"], view.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await server.Decide(id, "confirm", "{}")).StatusCode);
        Assert.Empty(receiver.Requests);
    }
}
