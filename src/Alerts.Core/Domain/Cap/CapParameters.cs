namespace Alerts.Core.Domain.Cap;

/// <summary>
/// The <c>parameter</c> valueNames that carry the facts CAP has no element for, named after the JSON fields. Other
/// parameters are kept out: producers add many for their own systems.
/// </summary>
public static class CapParameters
{
    public const string AttributionActor = "attribution.actor";
    public const string AttributionConfidence = "attribution.confidence";
    public const string Killed = "casualties.killed";
    public const string Injured = "casualties.injured";

    /// <summary>NATO Admiralty grading in two characters, e.g. B2.</summary>
    public const string SourceGrading = "source.grading";

    /// <summary>Sent, not read: the incident's facts version this message carries.</summary>
    public const string Version = "alerts:version";
}
