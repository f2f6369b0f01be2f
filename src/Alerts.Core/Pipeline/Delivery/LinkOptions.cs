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

    /// <summary>Where the CAP message of one notice can be read (the Atom feed links it).</summary>
    public string NoticeUrl(string incidentId, int notice) => $"{IncidentUrl(incidentId)}/notices/{notice}";

    /// <summary>The feed of released incidents.</summary>
    public string FeedUrl() => $"{PublicBaseUrl.TrimEnd('/')}/api/feed";

    /// <summary>
    /// The CAP <c>sender</c> of every message this service sends: the host name of its public URL, a globally unique
    /// name, as CAP asks. A method, so that it is not taken for a setting.
    /// </summary>
    public string CapSender() => new Uri(PublicBaseUrl).Host;
}
