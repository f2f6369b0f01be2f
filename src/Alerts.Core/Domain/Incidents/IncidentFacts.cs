using Alerts.Core.Domain.Areas;

namespace Alerts.Core.Domain.Incidents;

/// <summary>
/// What is believed about an incident: the facts that subscribers are told at release. <see cref="Area"/> is where it
/// happened, when a report said more than a point; <see cref="Language"/> is the language of the summary and details,
/// <see cref="Translations"/> the same text in other languages (from CAP <c>info</c> blocks).
/// </summary>
public sealed record IncidentFacts(
    DateTimeOffset OccurredAt,
    string Category,
    Severity Severity,
    Certainty Certainty,
    Urgency Urgency,
    IncidentLocation Location,
    string Summary,
    Casualties? Casualties,
    Attribution? Attribution,
    string? Details,
    SourceGrading? Source,
    bool Exercise = false,
    IncidentArea? Area = null,
    string? Language = null,
    IReadOnlyList<FactsTranslation>? Translations = null);
