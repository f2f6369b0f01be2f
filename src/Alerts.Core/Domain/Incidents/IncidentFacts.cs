namespace Alerts.Core.Domain.Incidents;

/// <summary>What is believed about an incident: the facts that subscribers are told at release.</summary>
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
    bool Exercise = false);
