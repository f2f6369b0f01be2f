using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>Where people and systems can reach this service, for links in alerts (section <c>Links</c>).</summary>
public sealed class LinkOptions
{
    public const string SectionName = "Links";

    /// <summary>Base URL of the API as subscribers see it, e.g. https://alerts.example.org.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    public string IncidentUrl(string incidentId) => $"{PublicBaseUrl.TrimEnd('/')}/api/incidents/{Uri.EscapeDataString(incidentId)}";
}
