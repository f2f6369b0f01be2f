using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Cap;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Validation;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// Maps a schema-valid CAP 1.2 alert onto a report, the same one a JSON client would send: the first <c>info</c> is
/// the primary (category, event and eventCode to our category; severity, certainty, urgency; headline → summary,
/// description → details; onset, else sent → occurredAt; parameters → attribution, casualties, grading), further
/// infos are translations; the primary's areas are the incident's area, and its first shape gives the point.
/// The country comes from an ISO 3166 geocode. What does not map is an error naming the element.
/// </summary>
public static class CapReportMapper
{
    private static readonly XNamespace Cap = CapNames.Namespace;

    public static CapSubmission Map(XDocument document)
    {
        var alert = document.Root!;
        var errors = new FieldErrors();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        string Text(XElement parent, string name) => parent.Element(Cap + name)?.Value.Trim() ?? string.Empty;

        var sender = Text(alert, "sender");
        var identifier = Text(alert, "identifier");
        Check(CapReportKey.Problem(sender), "alert/sender", errors);
        Check(CapReportKey.Problem(identifier), "alert/identifier", errors);

        var intent = CapMessageRules.MessageType(Text(alert, "msgType"));
        Check(intent.Refusal, "alert/msgType", errors);
        var status = CapMessageRules.Status(Text(alert, "status"));
        Check(status.Refusal, "alert/status", errors);
        Check(CapMessageRules.Scope(Text(alert, "scope")).Refusal, "alert/scope", errors);

        var references = CapReference.ParseList(alert.Element(Cap + "references")?.Value) ?? [];
        if (alert.Element(Cap + "references") is { } given && CapReference.ParseList(given.Value) is null)
        {
            errors.Add("alert/references", "must be a space-separated list of sender,identifier,sent.");
        }
        else if (intent.Meaning is CapIntent.Amendment or CapIntent.Withdrawal && references.Count == 0)
        {
            errors.Add("alert/references", $"is required for an {Text(alert, "msgType")}: name the message (sender,identifier,sent) whose report it {(intent.Meaning == CapIntent.Amendment ? "amends" : "withdraws")}.");
        }

        IncidentReport? report = null;
        var infos = alert.Elements(Cap + "info").ToList();
        if (intent.Meaning is CapIntent.Report or CapIntent.Amendment)
        {
            if (infos.Count == 0)
            {
                errors.Add("alert", "needs an info block with the facts of the incident.");
            }
            else
            {
                report = Report(alert, infos, status.Meaning ?? false, errors, origins);
            }
        }

        return new CapSubmission(intent.Meaning ?? CapIntent.Report, CapReportKey.Of(sender, identifier), references, report, origins, errors.ToDictionary());
    }

    private static IncidentReport Report(XElement alert, List<XElement> infos, bool exercise, FieldErrors errors, Dictionary<string, string> origins)
    {
        const string info = "alert/info[1]";
        var primary = infos[0];
        string? Text(string name) => primary.Element(Cap + name)?.Value.Trim() is { Length: > 0 } text ? text : null;

        var codes = primary.Elements(Cap + "eventCode").Select(Pair).ToList();
        var mapped = CapCategoryMap.Map(primary.Elements(Cap + "category").Select(c => c.Value.Trim()).ToList(), Text("event"), codes);
        var categoryElement = mapped.Part switch
        {
            CapCategory.EventCodePart => $"{info}/eventCode[{codes.FindIndex(c => c.Name == CapCategoryMap.EventCodeName) + 1}]",
            CapCategory.EventPart => $"{info}/event",
            _ => $"{info}/category[1]",
        };
        Check(mapped.Problem, categoryElement, errors);

        var onset = Text("onset");
        origins["occurredAt"] = onset is null ? "alert/sent" : $"{info}/onset";
        origins["category"] = categoryElement;
        origins["severity"] = $"{info}/severity";
        origins["certainty"] = $"{info}/certainty";
        origins["urgency"] = $"{info}/urgency";
        origins["summary"] = $"{info}/headline";
        origins["details"] = $"{info}/description";
        origins["language"] = $"{info}/language";

        var report = new IncidentReport
        {
            ReportId = "cap",
            OccurredAt = DateTimeOffset.Parse(onset ?? alert.Element(Cap + "sent")!.Value, CultureInfo.InvariantCulture),
            Category = mapped.Category ?? IncidentCategories.Other,
            Severity = Text("severity")?.ToLowerInvariant(),
            Certainty = Text("certainty")?.ToLowerInvariant(),
            Urgency = Text("urgency")?.ToLowerInvariant(),
            Summary = Text("headline"),
            Details = Text("description"),
            Language = Text("language"),
            Exercise = exercise,
        };
        Parameters(primary, info, report, errors, origins);
        Place(primary, info, report, errors, origins);

        for (var i = 1; i < infos.Count; i++)
        {
            var where = $"alert/info[{i + 1}]";
            origins[$"translations[{i - 1}].language"] = $"{where}/language";
            origins[$"translations[{i - 1}].summary"] = $"{where}/headline";
            origins[$"translations[{i - 1}]"] = where;
            (report.Translations ??= []).Add(new IncidentReport.ReportTranslation
            {
                Language = infos[i].Element(Cap + "language")?.Value.Trim(),
                Summary = infos[i].Element(Cap + "headline")?.Value.Trim(),
                Details = infos[i].Element(Cap + "description")?.Value.Trim() is { Length: > 0 } d ? d : null,
            });
        }

        origins["translations"] = "alert/info[2]";
        return report;
    }

    private static void Parameters(XElement primary, string info, IncidentReport report, FieldErrors errors, Dictionary<string, string> origins)
    {
        var parameters = primary.Elements(Cap + "parameter").Select(Pair).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        string? Value(string name, string field)
        {
            origins[field] = CapPath.Parameter(info, name);
            return parameters.GetValueOrDefault(name);
        }

        int? Count(string name, string field)
        {
            if (Value(name, field) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            errors.Add(CapPath.Parameter(info, name), "must be a whole number.");
            return null;
        }

        var killed = Count(CapParameters.Killed, "casualties.killed");
        var injured = Count(CapParameters.Injured, "casualties.injured");
        if (killed is not null || injured is not null)
        {
            report.Casualties = new IncidentReport.ReportCasualties { Killed = killed, Injured = injured };
        }

        var actor = Value(CapParameters.AttributionActor, "attribution.actor");
        var confidence = Value(CapParameters.AttributionConfidence, "attribution.confidence");
        origins["attribution"] = CapPath.Parameter(info, CapParameters.AttributionActor);
        if (actor is not null || confidence is not null)
        {
            report.Attribution = new IncidentReport.ReportAttribution { Actor = actor, Confidence = confidence?.ToLowerInvariant() };
        }

        origins["source.reliability"] = origins["source.credibility"] = origins["source"] = CapPath.Parameter(info, CapParameters.SourceGrading);
        if (parameters.GetValueOrDefault(CapParameters.SourceGrading) is { } grading)
        {
            if (SourceGradingParser.TryParse(grading) is { } parsed)
            {
                report.Source = new IncidentReport.ReportSource { Reliability = parsed.Reliability.ToString(), Credibility = parsed.Credibility };
            }
            else
            {
                errors.Add(CapPath.Parameter(info, CapParameters.SourceGrading), "must be an Admiralty grading: reliability A–F then credibility 1–6, such as B2.");
            }
        }
    }

    /// <summary>Location and area from the primary info's areas: shapes, geocodes (the country among them), the first description.</summary>
    private static void Place(XElement primary, string info, IncidentReport report, FieldErrors errors, Dictionary<string, string> origins)
    {
        var shapes = new List<AreaShape>();
        var geocodes = new List<Geocode>();
        string? country = null;
        var areas = primary.Elements(Cap + "area").ToList();
        for (var a = 0; a < areas.Count; a++)
        {
            var where = $"{info}/area[{a + 1}]";
            var polygons = areas[a].Elements(Cap + "polygon").ToList();
            for (var p = 0; p < polygons.Count; p++)
            {
                var path = $"{where}/polygon[{p + 1}]";
                if (Points(polygons[p].Value) is { } ring)
                {
                    Add(new AreaPolygon(ring), path, shapes, errors);
                }
                else
                {
                    errors.Add(path, "must be lat,lon pairs separated by spaces (at least four, the last the same as the first).");
                }
            }

            var circles = areas[a].Elements(Cap + "circle").ToList();
            for (var c = 0; c < circles.Count; c++)
            {
                var path = $"{where}/circle[{c + 1}]";
                var parts = circles[c].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && Points(parts[0]) is [var center] && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var radius))
                {
                    Add(new AreaCircle(center, radius), path, shapes, errors);
                }
                else
                {
                    errors.Add(path, "must be 'lat,lon radius' (radius in km).");
                }
            }

            var codes = areas[a].Elements(Cap + "geocode").Select(Pair).ToList();
            for (var g = 0; g < codes.Count; g++)
            {
                if (country is null && CapGeocodes.CountryOf(codes[g].Name, codes[g].Value) is { } found)
                {
                    country = found;
                    origins["location.country"] = $"{where}/geocode[{g + 1}]";
                }
            }

            geocodes.AddRange(codes.Where(c => c.Name != CapGeocodes.Country).Select(c => new Geocode(c.Name, c.Value)));
        }

        var first = areas.Count > 0 ? $"{info}/area[1]" : info;
        origins["location"] = origins["location.lat"] = origins["location.lon"] = origins["area"] = first;
        origins["location.place"] = $"{first}/areaDesc";
        origins.TryAdd("location.country", first);
        if (shapes.Count == 0)
        {
            errors.Add(first, "needs a circle or polygon: the incident is placed by its area (geocodes alone cannot be placed on a map).");
        }

        if (country is null)
        {
            errors.Add(first, $"needs a geocode naming the country: {CapGeocodes.Country} (alpha-2, such as PL) or {CapGeocodes.Subdivision} (such as PL-LU).");
        }

        AreaValidator.CheckTotal(shapes, first, errors);
        var place = areas.Select(a => a.Element(Cap + "areaDesc")?.Value.Trim()).FirstOrDefault(d => !string.IsNullOrEmpty(d));
        if (shapes.Count == 0 || errors.Count > 0)
        {
            report.Location = new IncidentReport.ReportLocation { Country = country, Place = place, Lat = 0, Lon = 0 };
            return;
        }

        var area = new IncidentArea(shapes, areas.Count > 1 ? string.Join("; ", areas.Select(a => a.Element(Cap + "areaDesc")?.Value.Trim())) : null, geocodes.Count > 0 ? geocodes.Take(AreaLimits.MaxGeocodes).ToList() : null);
        var point = area.CorrelationPoint;
        report.Location = new IncidentReport.ReportLocation { Country = country, Place = place, Lat = point.Lat, Lon = point.Lon };
        report.Area = JsonSerializer.SerializeToElement(area, AlertsJson.Options).Deserialize<Domain.Areas.AreaDocument>(AlertsJson.Options);
    }

    private static void Add(AreaShape shape, string path, List<AreaShape> shapes, FieldErrors errors)
    {
        if (AreaValidator.Check(shape, path, path, errors))
        {
            shapes.Add(shape);
        }
    }

    /// <summary>CAP writes positions as "lat,lon", separated by spaces.</summary>
    private static List<GeoPoint>? Points(string text)
    {
        var points = new List<GeoPoint>();
        foreach (var pair in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var xy = pair.Split(',');
            if (xy.Length != 2 || !double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || !double.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                return null;
            }

            points.Add(new GeoPoint(Math.Round(lat, 6), Math.Round(lon, 6)));
        }

        return points;
    }

    private static (string Name, string Value) Pair(XElement element) =>
        (element.Element(Cap + "valueName")?.Value.Trim() ?? string.Empty, element.Element(Cap + "value")?.Value.Trim() ?? string.Empty);

    private static void Check(string? problem, string element, FieldErrors errors)
    {
        if (problem is not null)
        {
            errors.Add(element, problem);
        }
    }
}
