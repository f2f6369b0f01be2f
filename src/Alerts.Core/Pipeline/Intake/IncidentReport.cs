using Alerts.Core.Domain.Areas;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// A report as it arrives on the wire. Every field is nullable so that a missing field is reported
/// by <see cref="ReportValidator"/> by name rather than failing deserialization.
/// </summary>
public sealed class IncidentReport
{
    public string? ReportId { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public string? Category { get; set; }
    public string? Severity { get; set; }
    public string? Certainty { get; set; }
    public string? Urgency { get; set; }
    public ReportLocation? Location { get; set; }
    public string? Summary { get; set; }
    public ReportCasualties? Casualties { get; set; }
    public ReportAttribution? Attribution { get; set; }
    public string? Details { get; set; }
    public ReportSource? Source { get; set; }

    /// <summary>True for an exercise: only subscribers who opted in are told, and every message says so.</summary>
    public bool? Exercise { get; set; }

    /// <summary>Where it happened, when more than a point: a GeoJSON-style Circle, Polygon or GeometryCollection.</summary>
    public AreaDocument? Area { get; set; }

    /// <summary>The language of summary and details (RFC 5646, e.g. pl-PL).</summary>
    public string? Language { get; set; }

    /// <summary>Summary and details in further languages.</summary>
    public List<ReportTranslation?>? Translations { get; set; }

    public sealed class ReportLocation
    {
        public string? Country { get; set; }
        public string? Place { get; set; }
        public double? Lat { get; set; }
        public double? Lon { get; set; }
    }

    public sealed class ReportCasualties
    {
        public int? Killed { get; set; }
        public int? Injured { get; set; }
    }

    public sealed class ReportAttribution
    {
        public string? Actor { get; set; }
        public string? Confidence { get; set; }
    }

    public sealed class ReportTranslation
    {
        public string? Language { get; set; }
        public string? Summary { get; set; }
        public string? Details { get; set; }
    }

    public sealed class ReportSource
    {
        public string? Reliability { get; set; }
        public int? Credibility { get; set; }
    }
}
