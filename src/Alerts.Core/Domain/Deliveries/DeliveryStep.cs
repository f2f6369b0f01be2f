namespace Alerts.Core.Domain.Deliveries;

/// <summary>What the delivery stage does with one delivery record now (see <see cref="DeliveryPlan"/>).</summary>
public abstract record DeliveryStep
{
    /// <summary>Nothing: it has settled, or there is no record.</summary>
    public sealed record Skip : DeliveryStep;

    /// <summary>Never send it: record it withdrawn, saying why, and whether the subscriber may have been told an earlier notice.</summary>
    public sealed record Withdraw(string Reason, bool EarlierTold = false) : DeliveryStep;

    /// <summary>Send it no more: it may have reached the receiver already (record it attempted); what follows it goes on.</summary>
    public sealed record Stop(string Reason) : DeliveryStep;

    /// <summary>Not now: look again at <paramref name="At"/> (its predecessor is on its way, another instance holds it, or it is not due).</summary>
    public sealed record Wait(DateTimeOffset At) : DeliveryStep;

    /// <summary>Claim it and send it.</summary>
    public sealed record Send : DeliveryStep;
}
