using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Delivery.Webhooks;
using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Admin;

/// <summary>Creates, changes and removes subscribers, and rotates webhook signing secrets with a grace period.</summary>
public sealed class SubscriberRegistry(SubscriberStore store, IOptions<SubscriberOptions> options, TimeProvider time)
{
    public async Task<Subscriber> CreateAsync(SubscriberDraft draft, CancellationToken cancellationToken)
    {
        var secrets = draft.Channel == SubscriberChannel.Webhook ? new[] { new SigningSecret(WebhookSigner.NewSecret(), null) } : [];
        var subscriber = new Subscriber(SubscriberId.New(), draft.Name, draft.Channel, draft.Target, draft.Filter, draft.Enabled, secrets, time.GetUtcNow(), string.Empty, draft.Role, draft.Exercises);
        await store.AddAsync(subscriber, cancellationToken);
        return subscriber;
    }

    /// <summary>Replaces name, target, filters and enabled; the channel and secrets stay. Null when it is gone or changed meanwhile.</summary>
    public async Task<Subscriber?> ReplaceAsync(Subscriber current, SubscriberDraft draft, CancellationToken cancellationToken)
    {
        var next = current with { Name = draft.Name, Target = draft.Target, Filter = draft.Filter, Enabled = draft.Enabled, Role = draft.Role, Exercises = draft.Exercises };
        return await store.TryReplaceAsync(next, cancellationToken) ? await store.FindAsync(current.Id, cancellationToken) : null;
    }

    /// <summary>
    /// A new secret signs from now on; the current one keeps signing alongside it until the grace period ends, so
    /// receivers can switch without missing a message. Older secrets are dropped.
    /// </summary>
    public async Task<(Subscriber Subscriber, string Secret)?> RotateSecretAsync(Subscriber current, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var secret = WebhookSigner.NewSecret();
        var graceUntil = now + options.Value.SecretRotationGrace;
        var kept = current.Secrets.Where(s => s.ExpiresAt is null).Select(s => s with { ExpiresAt = graceUntil });
        var next = current with { Secrets = [new SigningSecret(secret, null), .. kept] };
        return await store.TryReplaceAsync(next, cancellationToken) ? (next, secret) : null;
    }
}
