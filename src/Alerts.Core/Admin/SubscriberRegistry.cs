using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Admin;

/// <summary>
/// Creates, changes and removes subscribers, and rotates webhook signing secrets with a grace period. The rules: a
/// subscriber's channel never changes (create a new one), and only webhooks have secrets to rotate.
/// </summary>
public sealed class SubscriberRegistry(SubscriberStore store, IOptions<SubscriberOptions> options, TimeProvider time)
{
    private const string ChangedMeanwhile = "The subscriber changed or was deleted while this request ran; read it again and retry.";

    /// <summary>A new subscriber; a webhook's signing secret is in <see cref="SubscriberChange.Secret"/>, this once.</summary>
    public async Task<SubscriberChange> CreateAsync(SubscriberDraft draft, CancellationToken cancellationToken)
    {
        var secrets = draft.Channel == SubscriberChannel.Webhook ? new[] { new SigningSecret(SigningSecret.NewValue(), null) } : [];
        var subscriber = new Subscriber(SubscriberId.New(), draft.Name, draft.Channel, draft.Target, draft.Filter, draft.Enabled, secrets, time.GetUtcNow(), string.Empty, draft.Role, draft.Exercises, Format: draft.Format);
        await store.AddAsync(subscriber, cancellationToken);
        return new SubscriberChange(SubscriberChangeStatus.Done, subscriber, secrets.FirstOrDefault()?.Secret);
    }

    /// <summary>Replaces name, target, filters, role, exercises, format and enabled; the channel and secrets stay.</summary>
    public async Task<SubscriberChange> ReplaceAsync(string subscriberId, SubscriberDraft draft, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(subscriberId, cancellationToken) is not { } current)
        {
            return SubscriberChange.NotFound;
        }

        if (draft.Channel != current.Channel)
        {
            return new SubscriberChange(SubscriberChangeStatus.Invalid, current, Errors: new Dictionary<string, string[]> { ["channel"] = ["cannot change; create a new subscriber instead."] });
        }

        var next = current with { Name = draft.Name, Target = draft.Target, Filter = draft.Filter, Enabled = draft.Enabled, Role = draft.Role, Exercises = draft.Exercises, Format = draft.Format };
        if (draft.Enabled)
        {
            // Enabled again by an admin: its endpoint gets a fresh start.
            next = next with { FailingSince = null, DisabledReason = null };
        }
        return await store.TryReplaceAsync(next, cancellationToken) && await store.FindAsync(subscriberId, cancellationToken) is { } replaced
            ? new SubscriberChange(SubscriberChangeStatus.Done, replaced)
            : SubscriberChange.Conflict(ChangedMeanwhile);
    }

    /// <summary>
    /// A new secret signs from now on; the current one keeps signing alongside it until the grace period ends, so
    /// receivers can switch without missing a message. Older secrets are dropped.
    /// </summary>
    public async Task<SubscriberChange> RotateSecretAsync(string subscriberId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(subscriberId, cancellationToken) is not { } current)
        {
            return SubscriberChange.NotFound;
        }

        if (current.Channel != SubscriberChannel.Webhook)
        {
            return new SubscriberChange(SubscriberChangeStatus.NotAllowed, current, Problem: "Only webhook subscribers have signing secrets.");
        }

        var secret = SigningSecret.NewValue();
        var graceUntil = time.GetUtcNow() + options.Value.SecretRotationGrace;
        var kept = current.Secrets.Where(s => s.ExpiresAt is null).Select(s => s with { ExpiresAt = graceUntil });
        var next = current with { Secrets = [new SigningSecret(secret, null), .. kept] };
        return await store.TryReplaceAsync(next, cancellationToken)
            ? new SubscriberChange(SubscriberChangeStatus.Done, next, secret)
            : SubscriberChange.Conflict("The subscriber changed while this request ran; retry.");
    }

    /// <summary>False when there was no such subscriber.</summary>
    public async Task<bool> DeleteAsync(string subscriberId, CancellationToken cancellationToken) =>
        SubscriberId.IsWellFormed(subscriberId) && await store.DeleteAsync(subscriberId, cancellationToken);
}
