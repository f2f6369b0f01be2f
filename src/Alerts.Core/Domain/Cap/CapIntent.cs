namespace Alerts.Core.Domain.Cap;

/// <summary>What a CAP message asks of this service, by its msgType.</summary>
public enum CapIntent
{
    /// <summary>Alert: a new report.</summary>
    Report,

    /// <summary>Update: the reporter amends its earlier report (the incident its references point to).</summary>
    Amendment,

    /// <summary>Cancel: the reporter withdraws its earlier report.</summary>
    Withdrawal,
}
