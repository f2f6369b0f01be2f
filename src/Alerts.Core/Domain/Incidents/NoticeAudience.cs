namespace Alerts.Core.Domain.Incidents;

/// <summary>Who a notice is for: the subscribers, or the duty analysts (reviews of held incidents).</summary>
public enum NoticeAudience
{
    Subscribers,
    Analysts,
}
