using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// What subscribers are told: the incident's facts as they stood at this version. <see cref="Type"/> is one of
/// <see cref="NoticeTypes"/>; <see cref="References"/> names the version a correction replaces, <see cref="Earlier"/>
/// the public notices issued before it (which a CAP correction references); <see cref="Number"/> is the notice's own.
/// </summary>
public sealed record AlertNotice(
    string Type,
    string IncidentId,
    int Version,
    IncidentFacts Facts,
    DateTimeOffset IssuedAt,
    int? References,
    string IncidentUrl,
    IReadOnlyList<NoticeStamp>? Earlier = null,
    int Number = 0);
