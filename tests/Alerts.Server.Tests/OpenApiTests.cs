using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Api;
using Alerts.Api.Requests;
using Alerts.Api.Views;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Delivery.Webhooks;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Queries;
using Alerts.Core.Security;
using Alerts.Testing;
using Microsoft.AspNetCore.Routing;

namespace Alerts.Server.Tests;

/// <summary>
/// src/Alerts.Api/openapi.json describes exactly the routes the server maps under /api (same method, same path
/// template), and the server serves it, anonymously, at /openapi.json.
/// </summary>
public partial class OpenApiTests
{
    /// <summary>
    /// Routes documented before their code lands, as "METHOD /api/path/{param}". Empty: every documented route is
    /// mapped (the analyst actions of the verification workflow landed). Add an entry to document a route ahead of its
    /// code; remove it when the route is mapped, and the test then requires it to stay documented.
    /// </summary>
    private static readonly HashSet<string> PendingRoutes = new(StringComparer.Ordinal);

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [GeneratedRegex(@"\{(?<name>[^}:=?*]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private static JsonNode Document => JsonNode.Parse(OpenApiDocument.Json)!;

    /// <summary>"/api/incidents/{id:minlength(3)}" → "/api/incidents/{id}": constraints are not part of the contract.</summary>
    private static string Template(string raw) => RouteParameter().Replace(raw, m => "{" + m.Groups["name"].Value + "}");

    private static IReadOnlyList<string> MappedApiRoutes()
    {
        // Built, not started: the route table is complete after Build and needs no storage.
        using var app = AlertsServer.Build(["--urls=http://127.0.0.1:0", "--AzureWebJobsStorage=UseDevelopmentStorage=true"]);
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Template(e.RoutePattern.RawText!)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<(string Route, JsonNode Operation, JsonNode PathItem)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(member => HttpMethods.Contains(member.Key))
            .Select(member => ($"{member.Key.ToUpperInvariant()} {path.Key}", member.Value!, path.Value!)));

    private static IReadOnlyList<string> DocumentedRoutes() => Operations(Document).Select(o => o.Route).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void EveryMappedApiRoute_IsDocumented_WithTheSameMethodAndPath()
    {
        var mapped = MappedApiRoutes();
        Assert.Contains("POST /api/incidents", mapped);
        var undocumented = mapped.Except(DocumentedRoutes()).ToList();
        Assert.True(undocumented.Count == 0, "Mapped by the server but not in src/Alerts.Api/openapi.json: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void EveryDocumentedRoute_IsMapped_OrListedAsPending()
    {
        var mapped = MappedApiRoutes();
        var unmapped = DocumentedRoutes().Except(mapped).Except(PendingRoutes).ToList();
        Assert.True(unmapped.Count == 0, "In openapi.json but not mapped by the server: " + string.Join(", ", unmapped));

        var landed = PendingRoutes.Intersect(mapped).ToList();
        Assert.True(landed.Count == 0, "Mapped now, so remove from PendingRoutes: " + string.Join(", ", landed));
    }

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE) \{\{baseUrl\}\}(?<path>/[^?\s]*)", RegexOptions.Multiline)]
    private static partial Regex SampleRequestLine();

    [Fact]
    public void RequestSamples_CoverEveryDocumentedRoute_AndNoOther()
    {
        // requests/alerts.http fills path parameters from variables ({{incidentId}}); compare the shapes of the paths.
        // A route may have more than one sample (a corroborating report, an analyst subscriber), but none may be missing.
        static string Shape(string route) => Regex.Replace(route, @"\{\{?[^}]+\}\}?", "{}");
        var samples = SampleRequestLine().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "requests", "alerts.http")))
            .Select(m => $"{m.Groups["method"].Value} {m.Groups["path"].Value}")
            .Where(r => r.Contains(" /api/", StringComparison.Ordinal))
            .Select(Shape)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(DocumentedRoutes().Select(Shape).Distinct().Order(StringComparer.Ordinal), samples);
    }

    [Fact]
    public void EveryOperation_HasAnId_ItsPathParameters_ProblemResponses_AndTheApiKeyUnlessAnonymous()
    {
        var document = Document;
        var operations = Operations(document).ToList();
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal("X-Api-Key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        Assert.NotNull(document["security"]!.AsArray().SingleOrDefault(s => s!["ApiKey"] is not null));

        foreach (var (route, operation, pathItem) in operations)
        {
            var declared = (pathItem["parameters"]?.AsArray() ?? []).Concat(operation["parameters"]?.AsArray() ?? [])
                .Select(p => Resolve(document, p!))
                .Where(p => p["in"]!.GetValue<string>() == "path")
                .Select(p => p["name"]!.GetValue<string>())
                .Order(StringComparer.Ordinal);
            var inPath = RouteParameter().Matches(route).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal);
            Assert.True(declared.SequenceEqual(inPath), $"{route}: path parameters declared [{string.Join(", ", declared)}]");

            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.Any(r => r.Key.StartsWith('2')), $"{route} documents no success response.");
            var anonymous = operation["security"] is JsonArray { Count: 0 };
            if (!anonymous)
            {
                Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403") && responses.ContainsKey("429"), $"{route} must document 401, 403 and 429.");
            }

            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var content = Resolve(document, response!)["content"]!.AsObject();
                Assert.True(content.ContainsKey("application/problem+json"), $"{route} {status} is not application/problem+json.");
            }
        }

        Assert.Equal(["GET /api/console/{file}", "GET /api/health", "GET /api/health/live", "GET /api/health/ready"], operations.Where(o => o.Operation["security"] is JsonArray { Count: 0 }).Select(o => o.Route).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryReference_Resolves()
    {
        var document = Document;
        var references = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["$ref"] is JsonValue r)
                    {
                        references.Add(r.GetValue<string>());
                    }

                    foreach (var member in o)
                    {
                        Walk(member.Value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(document);
        Assert.NotEmpty(references);
        Assert.All(references.Distinct(), r => Assert.NotNull(Resolve(document, JsonNode.Parse($$"""{"$ref":"{{r}}"}""")!)));
    }

    [Fact]
    public void Enums_ListEveryValueTheCodeCanSend()
    {
        var schemas = Document["components"]!["schemas"]!;
        IEnumerable<string> Documented(string schema) => schemas[schema]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        IEnumerable<string> Wire<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => JsonSerializer.Serialize(v, AlertsJson.Options).Trim('"'));

        Assert.Equal(Wire<Severity>().Order(), Documented("Severity").Order());
        Assert.Equal(Wire<Certainty>().Order(), Documented("Certainty").Order());
        Assert.Equal(Wire<Urgency>().Order(), Documented("Urgency").Order());
        Assert.Equal(Wire<DeliveryStatus>().Order(), Documented("DeliveryStatus").Order());
        Assert.Equal(Wire<SubscriberChannel>().Order(), Documented("Channel").Order());
        Assert.Equal(Wire<IncidentStatus>().Order(), Documented("IncidentStatus").Order());
        Assert.Equal(Wire<IntakeOutcome>().Order(), Documented("IntakeOutcome").Order());
        Assert.Equal(Wire<SubscriberRole>().Order(), Documented("SubscriberRole").Order());
        Assert.Equal(Wire<SubscriberFormat>().Order(), Documented("SubscriberFormat").Order());
        Assert.Equal(Wire<ApiRole>().Order(), Documented("ApiRole").Order());
        Assert.Equal(Roles.Abilities.Select(a => a.Ability).Order(), schemas["Caller"]!["properties"]!["may"]!["items"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order());
        Assert.Equal(IncidentCategories.All.Order(), Documented("Category").Order());

        var noticeTypes = typeof(NoticeTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(noticeTypes.Order(), Documented("NoticeType").Order());
    }

    /// <summary>Each documented object schema, and the type the code reads or writes in its place.</summary>
    public static TheoryData<string, Type> DocumentedShapes => new()
    {
        { "#/components/schemas/IncidentReport", typeof(IncidentReport) },
        { "#/components/schemas/Location", typeof(IncidentReport.ReportLocation) },
        { "#/components/schemas/Location", typeof(IncidentLocation) },
        { "#/components/schemas/Casualties", typeof(IncidentReport.ReportCasualties) },
        { "#/components/schemas/Casualties", typeof(Casualties) },
        { "#/components/schemas/Attribution", typeof(IncidentReport.ReportAttribution) },
        { "#/components/schemas/Attribution", typeof(Attribution) },
        { "#/components/schemas/SourceGrading", typeof(IncidentReport.ReportSource) },
        { "#/components/schemas/SourceGrading", typeof(SourceGrading) },
        { "#/components/schemas/IncidentFacts", typeof(IncidentFacts) },
        { "#/components/schemas/IncidentFactsPatch", typeof(IncidentFacts) },
        { "#/components/schemas/IntakeResponse", typeof(IntakeResponse) },
        { "#/components/schemas/Incident", typeof(IncidentView) },
        { "#/components/schemas/Incident/properties/reports/items", typeof(IncidentView.ReportView) },
        { "#/components/schemas/Incident/properties/timeline/items", typeof(IncidentView.TimelineView) },
        { "#/components/schemas/DeliveryCounts", typeof(DeliveryCounts) },
        { "#/components/schemas/IncidentSummary", typeof(IncidentSummaryView) },
        { "#/components/schemas/IncidentPage", typeof(IncidentListView) },
        { "#/components/schemas/Delivery", typeof(DeliveryView) },
        { "#/components/schemas/DeliveryPage", typeof(PageView<DeliveryView>) },
        { "#/components/schemas/SubscriberRequest", typeof(SubscriberRequest) },
        { "#/components/schemas/SubscriberFilters", typeof(SubscriberRequest.FilterRequest) },
        { "#/components/schemas/Subscriber", typeof(SubscriberView) },
        { "#/components/schemas/Subscriber/properties/filters", typeof(SubscriberView.FiltersView) },
        { "#/components/schemas/SubscriberPage", typeof(PageView<SubscriberView>) },
        { "#/components/schemas/ConfirmRequest", typeof(ConfirmRequest) },
        { "#/components/schemas/ExtendRequest", typeof(ExtendRequest) },
        { "#/components/schemas/RetractRequest", typeof(RetractRequest) },
        { "#/components/schemas/Caller", typeof(CallerView) },
        { "#/components/schemas/Audience", typeof(Audience) },
        { "#/components/schemas/AudienceCount", typeof(AudienceCount) },
        { "#/components/schemas/Translation", typeof(FactsTranslation) },
        { "#/components/schemas/Translation", typeof(IncidentReport.ReportTranslation) },
        { "#/components/schemas/Geocode", typeof(Geocode) },
        { "#/components/schemas/Area", typeof(AreaDocument) },
    };

    [Theory]
    [MemberData(nameof(DocumentedShapes))]
    public void Schemas_ListExactlyTheFieldsOfTheTypeTheCodeUses(string schemaRef, Type type)
    {
        var document = Document;
        var schema = Resolve(document, JsonNode.Parse($$"""{"$ref":"{{schemaRef}}"}""")!);
        var documented = schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var wire = AlertsJson.Options.GetTypeInfo(type).Properties.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(wire.SequenceEqual(documented), $"{schemaRef} documents [{string.Join(", ", documented)}] but {type.Name} has [{string.Join(", ", wire)}].");
        Assert.All(schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [], name => Assert.Contains(name, documented));
    }

    [Fact]
    public void WebhookBody_IsDocumented_WithEveryFieldTheServiceSends()
    {
        var document = Document;
        var schema = Resolve(document, document["webhooks"]!["incidentNotice"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);

        // A correction of an exercise: every optional field present.
        var facts = new IncidentFacts(
            DateTimeOffset.UtcNow, IncidentCategories.All[0], Severity.Extreme, Certainty.Likely, Urgency.Immediate,
            new IncidentLocation("PL", "Przewodów", 50.4717, 23.9336), "summary", new Casualties(2, 0),
            new Attribution("actor", Certainty.Likely), "details", new SourceGrading('B', 2), Exercise: true,
            Area: new IncidentArea([new AreaCircle(new GeoPoint(50.4717, 23.9336), 2)]), Language: "en-GB", Translations: [new FactsTranslation("pl-PL", "streszczenie", null)]);
        var body = JsonNode.Parse(WebhookPayload.Serialize(new AlertNotice(NoticeTypes.Update, "inc-0m4x8q2b7c1d-k3j9x2", 2, facts, DateTimeOffset.UtcNow, 1, "https://alerts.example.org/api/incidents/inc-0m4x8q2b7c1d-k3j9x2")))!;

        void Same(JsonNode sent, JsonNode documented, string where)
        {
            documented = Resolve(document, documented);
            var properties = documented["properties"]!.AsObject();
            Assert.Equal(properties.Select(p => p.Key).Order(StringComparer.Ordinal), sent.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.All(documented["required"]!.AsArray(), r => Assert.True(sent[r!.GetValue<string>()] is not null, $"{where}.{r} is required but was not sent."));
        }

        Same(body, schema, "$");
        Same(body["data"]!, schema["properties"]!["data"]!, "data");
        Same(body["data"]!["facts"]!, schema["properties"]!["data"]!["properties"]!["facts"]!, "data.facts");
        Same(body["data"]!["links"]!, schema["properties"]!["data"]!["properties"]!["links"]!, "data.links");
    }

    [Fact]
    public async Task Server_ServesTheDocument_WithoutAKey_AsOpenApi3Json()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Client.GetAsync(new Uri(OpenApiDocument.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var served = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(served);
        Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Alerts.Api", "openapi.json")), served);
    }

    private static JsonNode Resolve(JsonNode document, JsonNode node)
    {
        while (node["$ref"] is JsonValue reference)
        {
            var pointer = reference.GetValue<string>();
            Assert.StartsWith("#/", pointer, StringComparison.Ordinal);
            node = pointer[2..].Split('/').Aggregate(document, (current, segment) =>
                current[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new KeyNotFoundException($"{pointer} does not resolve."));
        }

        return node;
    }
}
