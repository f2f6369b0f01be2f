namespace Alerts.Core.Domain.Incidents;

/// <summary>Who is suspected to be responsible, and how sure the reporter is.</summary>
public sealed record Attribution(string Actor, Certainty Confidence);
