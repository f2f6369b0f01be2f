using System.Net;
using System.Text;
using System.Text.Json;
using Alerts.Core.Pipeline;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>The verification workflow end to end through the server: the analyst flow, corroboration, corrections.</summary>
public class VerificationWorkflowTests
{
    private static Dictionary<string, string> Settings(params (string Key, string Value)[] extra) => PipelineSettings.With(extra);

    private static string Webhook(WebhookReceiver receiver, string name, string path, string filters = "{}", string role = "subscriber", bool exercises = false) =>
        $$$"""{"name":"{{{name}}}","channel":"webhook","url":"{{{receiver.BaseUrl}}}{{{path}}}","filters":{{{filters}}},"role":"{{{role}}}","exercises":{{{(exercises ? "true" : "false")}}}}""";

    [Fact]
    public async Task Przewodow_ContradictedThenAmendedAndConfirmed_NobodyEverGetsTheFirstAttribution()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings());
        for (var i = 0; i < 3; i++)
        {
            await server.Subscribe(Webhook(receiver, $"ministry {i}", $"sub/{i}", """{"countries":["PL"]}"""));
        }

        await server.Subscribe(Webhook(receiver, "duty analysts", "analysts", role: "analyst"));

        // 15 Nov 2022, 15:40: the first report says a Russian missile; source C3, certainty possible.
        var first = SampleReports.Przewodow("pl-001");
        var accepted = await server.Report(first);
        var id = accepted.GetProperty("incidentId").GetString()!;
        Assert.Equal("opened", accepted.GetProperty("outcome").GetString());

        // During the hold a second reporter describes the same impact with another attribution.
        var second = SampleReports.Przewodow("ua-777");
        second.Attribution!.Actor = "Ukrainian air-defence missile";
        second.Source = new Core.Pipeline.Intake.IncidentReport.ReportSource { Reliability = "B", Credibility = 2 };
        var contested = await server.Report(second, RunningServer.Reporter2Key);
        Assert.Equal(id, contested.GetProperty("incidentId").GetString());
        Assert.Equal("contested", contested.GetProperty("outcome").GetString());
        Assert.Equal("contested", contested.GetProperty("status").GetString());

        // Analysts are told (a review), subscribers are not.
        var review = await Eventually.Until(() => Task.FromResult(receiver.Events("/analysts")), e => e.Count > 0);
        Assert.Equal("incident.review", review[0].Type);

        // The analyst amends the attribution: If-Match required, and a stale ETag is refused.
        var (_, etag) = await server.Incident(id);
        const string patch = """{"attribution":{"actor":"Ukrainian air-defence missile (stray interceptor)","confidence":"likely"},"summary":"Stray air-defence missile struck a grain dryer; two killed."}""";
        Assert.Equal((HttpStatusCode)428, (await server.Amend(id, null, patch)).StatusCode);
        var amended = await server.Amend(id, etag, patch);
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await server.Amend(id, etag, """{"summary":"stale"}""")).StatusCode);

        var confirm = await server.Decide(id, "confirm", """{"reason":"attribution verified with the Polish MoD"}""");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal("released", (await confirm.Json()).GetProperty("status").GetString());

        for (var i = 0; i < 3; i++)
        {
            var events = await Eventually.Until(() => Task.FromResult(receiver.Events($"/sub/{i}")), e => e.Count > 0);
            var alert = Assert.Single(events);
            Assert.Equal("incident.alert", alert.Type);
            var attribution = alert.Body.GetProperty("data").GetProperty("facts").GetProperty("attribution");
            Assert.Equal("Ukrainian air-defence missile (stray interceptor)", attribution.GetProperty("actor").GetString());
        }

        Assert.DoesNotContain(receiver.Requests.Where(r => r.Path.StartsWith("/sub/", StringComparison.Ordinal)), r => Encoding.UTF8.GetString(r.Body).Contains("Russian", StringComparison.Ordinal));
        var (view, _) = await server.Incident(id);
        var timeline = view.GetProperty("timeline").EnumerateArray().Select(t => (t.GetProperty("action").GetString(), t.GetProperty("actor").GetString())).ToList();
        Assert.Equal(
            [("received", "reporter:reporter-one"), ("held", "system:alerts"), ("contested", "reporter:reporter-two"), ("amended", "analyst:duty-analyst"), ("released", "analyst:duty-analyst")],
            timeline);
        Assert.Contains("attribution", view.GetProperty("timeline")[3].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("verified with the Polish MoD", view.GetProperty("timeline")[4].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasedThenCorrected_EveryoneGetsAlertThenUpdateOnce_AndALateSubscriberOnlyTheCurrentAlert()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (request, call) => new WebhookReceiver.Reply(request.Path == "/s/7" && call <= 2 ? 503 : 204);
        await using var server = await RunningServer.StartAsync(Settings(("Hold:Override", "00:00:01")));
        for (var i = 0; i < 50; i++)
        {
            await server.Subscribe(Webhook(receiver, $"s{i}", $"s/{i}"));
        }

        var id = (await server.Report(SampleReports.Przewodow())).GetProperty("incidentId").GetString()!;
        await server.WaitForStatus(id, "released");
        var (_, etag) = await server.Incident(id);
        Assert.Equal(HttpStatusCode.OK, (await server.Amend(id, etag, """{"casualties":{"killed":2,"injured":1}}""")).StatusCode);

        await Eventually.Until(() => server.Deliveries(id), d => d.Count == 100 && d.All(x => x.GetProperty("status").GetString() == "delivered"), TimeSpan.FromMinutes(2));
        for (var i = 0; i < 50; i++)
        {
            var events = receiver.Events($"/s/{i}");
            var distinct = events.DistinctBy(e => (e.Type, e.Version)).ToList();
            Assert.Equal([("incident.alert", 1), ("incident.update", 2)], distinct.Select(e => (e.Type, e.Version)));
            Assert.Equal(1, distinct[1].Body.GetProperty("data").GetProperty("references").GetInt32());
            Assert.Single(events, e => e.Type == "incident.update");
        }

        // The flaky one got its alert three times (503, 503, 204) and the update only after that.
        Assert.Equal(["incident.alert", "incident.alert", "incident.alert", "incident.update"], receiver.Events("/s/7").Select(e => e.Type));

        // Someone subscribing now is told the current facts, as an alert, once; the others get the next update.
        await server.Subscribe(Webhook(receiver, "late", "late"));
        (_, etag) = await server.Incident(id);
        Assert.Equal(HttpStatusCode.OK, (await server.Amend(id, etag, """{"summary":"Two killed, one injured; debris recovered."}""")).StatusCode);
        await Eventually.Until(() => server.Deliveries(id), d => d.Count == 151 && d.All(x => x.GetProperty("status").GetString() == "delivered"), TimeSpan.FromMinutes(2));
        var late = Assert.Single(receiver.Events("/late"));
        Assert.Equal(("incident.alert", 3), (late.Type, late.Version));
        Assert.False(late.Body.GetProperty("data").TryGetProperty("references", out _));
        Assert.Equal(("incident.update", 3), receiver.Events("/s/0").Select(e => (e.Type, e.Version)).Last());
    }

    [Fact]
    public async Task ExtendWhileTheReleaseMessageIsInFlight_TheOldMessageDoesNotRelease()
    {
        await using var server = await RunningServer.StartAsync(Settings(("Hold:Override", "00:00:02")));
        var id = (await server.Report(SampleReports.Przewodow())).GetProperty("incidentId").GetString()!;

        var extended = await server.Decide(id, "extend", """{"by":"00:00:08","reason":"waiting for radar data"}""");
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var newHoldUntil = (await extended.Json()).GetProperty("holdUntil").GetDateTimeOffset();

        // The first release message has been consumed (only the new one is left) and the incident is still held.
        await Eventually.Until(() => StorageProbe.QueueLengthAsync(server.Account, PipelineStages.ReleaseQueue), n => n == 1);
        Assert.Equal("held", (await server.Incident(id)).View.GetProperty("status").GetString());

        var released = await server.WaitForStatus(id, "released");
        Assert.True(released.GetProperty("releasedAt").GetDateTimeOffset() >= newHoldUntil);
        Assert.Contains(released.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("action").GetString() == "extended" && t.GetProperty("detail").GetString()!.Contains("radar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetractWhileFanoutRuns_NoNewAlertsStart_AndEveryoneWhoGotOneGetsTheCancel()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(204, Delay: TimeSpan.FromMilliseconds(300));
        await using var server = await RunningServer.StartAsync(Settings(("Hold:Override", "00:00:01"), ("Fanout:PageSize", "20"), ("Fanout:RecipientsPerMessage", "5")));
        for (var i = 0; i < 120; i++)
        {
            await server.Subscribe(Webhook(receiver, $"s{i}", $"s/{i}"));
        }

        var id = (await server.Report(SampleReports.Przewodow())).GetProperty("incidentId").GetString()!;
        await Eventually.Until(() => Task.FromResult(receiver.Requests.Count), n => n > 0);
        var retract = await server.Decide(id, "retract", """{"reason":"sensor fault: no impact occurred"}""");
        Assert.Equal(HttpStatusCode.OK, retract.StatusCode);
        Assert.Equal("cancelled", (await retract.Json()).GetProperty("status").GetString());

        var (_, deliveries) = await Eventually.Until(
            async () => (await StorageProbe.QueueLengthAsync(server.Account, PipelineStages.FanoutQueue), await server.Deliveries(id)),
            state => state.Item1 == 0 && state.Item2.Count > 0 && state.Item2.All(x => x.GetProperty("status").GetString() is "delivered" or "withdrawn" or "failed"),
            TimeSpan.FromMinutes(2));

        var alerted = 0;
        for (var i = 0; i < 120; i++)
        {
            var types = receiver.Events($"/s/{i}").Select(e => e.Type).ToList();
            Assert.True(types.Count == 0 || types.SequenceEqual(["incident.alert", "incident.cancel"]), $"/s/{i} got [{string.Join(", ", types)}]");
            alerted += types.Count == 0 ? 0 : 1;
        }

        Assert.True(alerted > 0);
        Assert.True(alerted < 120, "the retraction should have stopped some alerts from starting");
        var alertRows = deliveries.Where(d => d.GetProperty("type").GetString() == "incident.alert").ToList();
        Assert.Equal(alerted, alertRows.Count(d => d.GetProperty("status").GetString() == "delivered"));
        Assert.All(alertRows.Where(d => d.GetProperty("status").GetString() != "delivered"), d => Assert.Equal("withdrawn", d.GetProperty("status").GetString()));
        Assert.Equal(alerted, deliveries.Count(d => d.GetProperty("type").GetString() == "incident.cancel" && d.GetProperty("status").GetString() == "delivered"));
    }

    /// <summary>
    /// Issue 15, case 1: a receiver takes the alert but answers after the attempt timeout; the analyst retracts while that
    /// attempt is in flight. The alert may have reached it, so it must get the cancellation too, and the log must not
    /// say the alert was withdrawn.
    /// </summary>
    [Fact]
    public async Task RetractWhileAnAlertAttemptTimesOut_ThatReceiverStillGetsTheCancel_AndTheAlertShowsAttempted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (request, _) => request.Path == "/slow" && JsonDocument.Parse(request.Body).RootElement.GetProperty("type").GetString() == "incident.alert"
            ? new WebhookReceiver.Reply(204, Delay: TimeSpan.FromSeconds(5))
            : new WebhookReceiver.Reply(204);
        await using var server = await RunningServer.StartAsync(Settings(
            ("Hold:Override", "00:00:01"), ("Delivery:AttemptTimeout", "00:00:01"), ("Retry:Schedule:0", "00:00:05"), ("Retry:Schedule:1", "00:00:05")));
        await server.Subscribe(Webhook(receiver, "slow", "slow"));
        await server.Subscribe(Webhook(receiver, "fast", "fast"));

        var id = (await server.Report(SampleReports.Przewodow())).GetProperty("incidentId").GetString()!;
        await Eventually.Until(() => Task.FromResult(receiver.Events("/slow").Count), n => n > 0);
        var retract = await server.Decide(id, "retract", """{"reason":"sensor fault: no impact occurred"}""");
        Assert.Equal(HttpStatusCode.OK, retract.StatusCode);

        var deliveries = await Eventually.Until(
            () => server.Deliveries(id),
            rows => rows.Count == 4 && rows.All(r => r.GetProperty("status").GetString() is "delivered" or "attempted" or "withdrawn" or "failed"),
            TimeSpan.FromMinutes(1));

        Assert.Equal(["incident.alert", "incident.cancel"], receiver.Events("/fast").Select(e => e.Type));
        Assert.Equal("incident.cancel", receiver.Events("/slow").Select(e => e.Type).Last());
        var slow = deliveries.Where(d => d.GetProperty("subscriberName").GetString() == "slow").ToDictionary(d => d.GetProperty("type").GetString()!);
        Assert.Equal("attempted", slow["incident.alert"].GetProperty("status").GetString());
        Assert.DoesNotContain("before this was sent", slow["incident.alert"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("delivered", slow["incident.cancel"].GetProperty("status").GetString());
        Assert.Equal(1, (await server.Incident(id)).View.GetProperty("deliveries").GetProperty("attempted").GetInt32());
    }

    [Fact]
    public async Task AwaitingConfirmation_AnalystsAreToldSubscribersAreNot_UntilConfirmed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(
            ("Verification:ConfirmationRequired:0:Category", "missile-impact"),
            ("Verification:ConfirmationRequired:0:AttributedOnly", "true")));
        await server.Subscribe(Webhook(receiver, "ministry", "ministry"));
        await server.Subscribe(Webhook(receiver, "analysts", "analysts", role: "analyst"));

        var id = (await server.Report(SampleReports.Przewodow())).GetProperty("incidentId").GetString()!;
        var waiting = await server.WaitForStatus(id, "awaitingConfirmation");
        var review = await Eventually.Until(() => Task.FromResult(receiver.Events("/analysts")), e => e.Count > 0);

        Assert.Equal("incident.review", Assert.Single(review).Type);
        Assert.Empty(receiver.Events("/ministry"));
        Assert.Contains(waiting.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("action").GetString() == "awaiting-confirmation");
        var board = await (await server.Client.SendAsync(server.Request(HttpMethod.Get, "/api/incidents?status=awaitingConfirmation", RunningServer.AnalystKey))).Json();
        Assert.Equal(id, board.GetProperty("items")[0].GetProperty("incidentId").GetString());

        Assert.Equal(HttpStatusCode.OK, (await server.Decide(id, "confirm", "{}")).StatusCode);
        var alert = await Eventually.Until(() => Task.FromResult(receiver.Events("/ministry")), e => e.Count > 0);
        Assert.Equal("incident.alert", Assert.Single(alert).Type);
        Assert.Single(receiver.Events("/analysts"));
    }

    [Fact]
    public async Task Correlation_TwoReportersCorroborate_SameReporterDoesNot_FarAwayOrExerciseIsNew()
    {
        await using var server = await RunningServer.StartAsync(Settings(("Hold:Override", "00:10:00")));

        var first = await server.Report(SampleReports.Przewodow("a-1"));
        var id = first.GetProperty("incidentId").GetString()!;
        var again = await server.Report(SampleReports.Przewodow("a-2"));
        var other = await server.Report(SampleReports.Przewodow("b-1"), RunningServer.Reporter2Key);
        var far = SampleReports.Przewodow("b-2");
        far.Location!.Place = "Gdańsk";
        far.Location.Lat = 54.35;
        far.Location.Lon = 18.65;
        var elsewhere = await server.Report(far, RunningServer.Reporter2Key);
        var drill = SampleReports.Przewodow("b-3");
        drill.Exercise = true;
        var exercise = await server.Report(drill, RunningServer.Reporter2Key);

        Assert.Equal((id, "joined"), (again.GetProperty("incidentId").GetString(), again.GetProperty("outcome").GetString()));
        Assert.Equal((id, "corroborated"), (other.GetProperty("incidentId").GetString(), other.GetProperty("outcome").GetString()));
        Assert.NotEqual(id, elsewhere.GetProperty("incidentId").GetString());
        Assert.Equal("opened", elsewhere.GetProperty("outcome").GetString());
        Assert.Equal("opened", exercise.GetProperty("outcome").GetString());
        var (view, _) = await server.Incident(id);
        Assert.Equal(1, view.GetProperty("corroborations").GetInt32());
        Assert.Equal(3, view.GetProperty("reports").GetArrayLength());
        Assert.Equal(["reporter-one", "reporter-two"], view.GetProperty("reporters").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Exercise_OnlyOptedInSubscribersAreTold_AndEveryMessageSaysExercise()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(("Email:Host", smtp.Host), ("Email:Port", smtp.Port.ToString()), ("Email:Security", "none")));
        await server.Subscribe(Webhook(receiver, "drills welcome", "in", exercises: true));
        await server.Subscribe(Webhook(receiver, "real only", "out"));
        await server.Subscribe("""{"name":"drill officer","channel":"email","email":"drills@ministry.example","filters":{},"exercises":true}""");

        var report = SampleReports.Przewodow();
        report.Exercise = true;
        var id = (await server.Report(report)).GetProperty("incidentId").GetString()!;
        await Eventually.Until(() => server.Deliveries(id), d => d.Count == 2 && d.All(x => x.GetProperty("status").GetString() == "delivered"));

        var alert = Assert.Single(receiver.Events("/in"));
        Assert.True(alert.Body.GetProperty("data").GetProperty("exercise").GetBoolean());
        Assert.Empty(receiver.Events("/out"));
        Assert.StartsWith("[EXERCISE]", Assert.Single(smtp.Messages).Message.Subject, StringComparison.Ordinal);
    }
}
