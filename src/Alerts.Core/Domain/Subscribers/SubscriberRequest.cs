using Alerts.Core.Domain.Areas;

namespace Alerts.Core.Domain.Subscribers;

/// <summary>A subscriber as sent to create or replace it; nullable so missing fields are named by the validator.</summary>
public sealed class SubscriberRequest
{
    public string? Name { get; set; }
    public string? Channel { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public FilterRequest? Filters { get; set; }
    public bool? Enabled { get; set; }

    /// <summary>subscriber (alerts, updates, cancellations; the default) or analyst (reviews of held incidents).</summary>
    public string? Role { get; set; }

    /// <summary>Opt in to exercise incidents.</summary>
    public bool? Exercises { get; set; }

    /// <summary>Webhooks: json (the default) or cap (the body is the CAP 1.2 alert).</summary>
    public string? Format { get; set; }

    public sealed class FilterRequest
    {
        public List<string>? Countries { get; set; }
        public string? MinimumSeverity { get; set; }
        public List<string>? Categories { get; set; }

        /// <summary>An area of interest: a GeoJSON-style Circle or Polygon (or a GeometryCollection of them).</summary>
        public AreaDocument? Area { get; set; }
    }
}
