using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Cap;

/// <summary>
/// Writes the CAP 1.2 alert for a public notice: msgType Alert, Update or Cancel; references listing every earlier
/// public notice of the incident (<c>sender,identifier,sent</c>); status Exercise for exercises; scope Restricted,
/// since alerts go to named subscribers; one info block for the facts and one per translation, each with the area.
/// A notice's identifier is <c>{incidentId}.{number}</c>, so the same notice is always the same message.
/// </summary>
public static class CapAlertWriter
{
    public const string Restriction = "For the subscribers of this Alerts service only; do not redistribute.";

    private static readonly XNamespace Cap = CapNames.Namespace;

    public static string Identifier(string incidentId, int notice) => $"{incidentId}.{notice}";

    public static XDocument Write(AlertNotice notice, string sender)
    {
        var facts = notice.Facts;
        var alert = new XElement(
            Cap + "alert",
            E("identifier", Identifier(notice.IncidentId, notice.Number)),
            E("sender", sender),
            E("sent", CapTime.Format(notice.IssuedAt)),
            E("status", facts.Exercise ? "Exercise" : "Actual"),
            E("msgType", MessageType(notice.Type)),
            E("scope", "Restricted"),
            E("restriction", Restriction),
            Note(notice) is { } note ? E("note", note) : null,
            notice.Type != NoticeTypes.Alert && notice.Earlier is { Count: > 0 } earlier
                ? E("references", string.Join(' ', earlier.Select(n => new CapReference(sender, Identifier(notice.IncidentId, n.Number), CapTime.Format(n.IssuedAt)))))
                : null,
            E("incidents", notice.IncidentId),
            Info(notice, facts.Language, facts.Summary, facts.Details));
        foreach (var translation in facts.Translations ?? [])
        {
            alert.Add(Info(notice, translation.Language, translation.Summary, translation.Details));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), alert);
    }

    /// <summary>The document as UTF-8 bytes, without a byte order mark: what is signed and sent.</summary>
    public static byte[] Bytes(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }

    public static byte[] Serialize(AlertNotice notice, string sender) => Bytes(Write(notice, sender));

    private static string MessageType(string noticeType) => noticeType switch
    {
        NoticeTypes.Alert => "Alert",
        NoticeTypes.Update => "Update",
        NoticeTypes.Cancel => "Cancel",
        _ => throw new ArgumentException($"A {noticeType} is not a public notice and has no CAP form.", nameof(noticeType)),
    };

    private static string? Note(AlertNotice notice) => notice.Type switch
    {
        NoticeTypes.Update when notice.References is { } replaced => $"Version {notice.Version} of this incident corrects version {replaced}.",
        NoticeTypes.Cancel => "Cancelled: this incident has been withdrawn. Disregard earlier alerts about it.",
        _ => null,
    };

    private static XElement Info(AlertNotice notice, string? language, string headline, string? description)
    {
        var f = notice.Facts;
        return new XElement(
            Cap + "info",
            language is null ? null : E("language", language),
            E("category", CapCategoryMap.BorderIncidentCategories[0]),
            E("event", CapCategoryMap.EventName(f.Category)),
            E("urgency", f.Urgency.ToString()),
            E("severity", f.Severity.ToString()),
            E("certainty", f.Certainty.ToString()),
            Pair("eventCode", CapCategoryMap.EventCodeName, f.Category),
            E("onset", CapTime.Format(f.OccurredAt)),
            E("senderName", "Alerts"),
            E("headline", headline),
            description is null ? null : E("description", description),
            Uri.TryCreate(notice.IncidentUrl, UriKind.Absolute, out _) ? E("web", notice.IncidentUrl) : null,
            Parameters(notice),
            Area(f));
    }

    private static IEnumerable<XElement> Parameters(AlertNotice notice)
    {
        var f = notice.Facts;
        yield return Pair("parameter", CapParameters.Version, notice.Version.ToString(CultureInfo.InvariantCulture));
        if (f.Attribution is { } a)
        {
            yield return Pair("parameter", CapParameters.AttributionActor, a.Actor);
            yield return Pair("parameter", CapParameters.AttributionConfidence, a.Confidence.ToString());
        }

        if (f.Casualties?.Killed is { } killed)
        {
            yield return Pair("parameter", CapParameters.Killed, killed.ToString(CultureInfo.InvariantCulture));
        }

        if (f.Casualties?.Injured is { } injured)
        {
            yield return Pair("parameter", CapParameters.Injured, injured.ToString(CultureInfo.InvariantCulture));
        }

        if (f.Source is { } source)
        {
            yield return Pair("parameter", CapParameters.SourceGrading, source.ToString());
        }
    }

    /// <summary>One area: the incident's shapes (or its point, as a circle of radius 0), its geocodes and the country's.</summary>
    private static XElement Area(IncidentFacts f)
    {
        var shapes = f.Area?.Shapes ?? [new AreaCircle(new GeoPoint(f.Location.Lat, f.Location.Lon), 0)];
        var geocodes = (f.Area?.Geocodes ?? []).Where(g => g.ValueName != CapGeocodes.Country).Prepend(new Geocode(CapGeocodes.Country, f.Location.Country));
        return new XElement(
            Cap + "area",
            E("areaDesc", f.Area?.Description ?? f.Location.Place),
            shapes.OfType<AreaPolygon>().Select(p => E("polygon", string.Join(' ', p.Ring.Select(Pair)))),
            shapes.OfType<AreaCircle>().Select(c => E("circle", $"{Pair(c.Center)} {Number(c.RadiusKm)}")),
            geocodes.Select(g => Pair("geocode", g.ValueName, g.Value)));
    }

    private static string Pair(GeoPoint point) => $"{Number(point.Lat)},{Number(point.Lon)}";

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static XElement Pair(string name, string valueName, string value) => new(Cap + name, E("valueName", valueName), E("value", value));

    private static XElement E(string name, string value) => new(Cap + name, value);
}
