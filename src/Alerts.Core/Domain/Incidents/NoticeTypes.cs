namespace Alerts.Core.Domain.Incidents;

/// <summary>Event types, as named in webhook bodies and email subjects.</summary>
public static class NoticeTypes
{
    public const string Alert = "incident.alert";
    public const string Update = "incident.update";
    public const string Cancel = "incident.cancel";

    /// <summary>To analysts: an incident needs a decision (awaiting confirmation, or contested).</summary>
    public const string Review = "incident.review";
}
