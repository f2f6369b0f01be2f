using System.Net.Http.Headers;
using System.Text;
using Alerts.Core.Domain.Cap;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Delivery.Webhooks;

/// <summary>
/// Delivers a notice by a signed Standard Webhooks POST to the subscriber's URL and classifies what happened. The body
/// is the JSON envelope, or for a subscriber with format cap the CAP 1.2 alert of a public notice (reviews stay JSON).
/// Only the caller's cancellation escapes as an exception; every receiver failure is a <see cref="DeliveryOutcome"/>.
/// </summary>
public sealed class WebhookChannel(
    IHttpClientFactory httpClientFactory,
    WebhookSigner signer,
    HttpOutcomeClassifier classifier,
    IOptions<WebhookOptions> options,
    IOptions<LinkOptions> links,
    TimeProvider timeProvider) : IDeliveryChannel
{
    /// <summary>The named HttpClient whose handler enforces the address policy.</summary>
    public const string HttpClientName = "webhooks";

    public const string UserAgent = "Alerts-Webhooks/1.0";

    private const int ExcerptBytes = 512;
    private const int ExcerptChars = 200;

    public SubscriberChannel Channel => SubscriberChannel.Webhook;

    public int MaxInFlightPerDestination => options.Value.MaxConnectionsPerServer;

    public string DestinationOf(Subscriber subscriber) =>
        Uri.TryCreate(subscriber.Target, UriKind.Absolute, out var url) ? $"{url.Host}:{url.Port}" : subscriber.Target;

    public async Task<DeliveryOutcome> SendAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var subscriber = attempt.Subscriber;
        if (!Uri.TryCreate(subscriber.Target, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return new DeliveryOutcome.Failed("webhook URL is not an absolute http(s) URL", null);
        }

        var now = timeProvider.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var asCap = subscriber.Format == SubscriberFormat.Cap && attempt.Notice.Type != NoticeTypes.Review;
        var body = asCap ? CapAlertWriter.Serialize(attempt.Notice, links.Value.CapSender()) : WebhookPayload.Serialize(attempt.Notice);
        string signature;
        try
        {
            signature = signer.Sign(attempt.DeliveryId, timestamp, body, subscriber.ActiveSecrets(now));
        }
        catch (ArgumentException e)
        {
            return new DeliveryOutcome.Failed($"cannot sign: {e.Message}", null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(asCap ? CapNames.MediaType : "application/json");
        request.Headers.TryAddWithoutValidation("webhook-id", attempt.DeliveryId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString());
        request.Headers.TryAddWithoutValidation("webhook-signature", signature);
        request.Headers.UserAgent.ParseAdd(UserAgent);

        using var attemptTimeout = new CancellationTokenSource(options.Value.AttemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);

            // Headers only: a receiver's body is never buffered whole, and disposing the response releases the connection.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var said = response.IsSuccessStatusCode ? null : await ExcerptAsync(response, linked.Token);
            cancellationToken.ThrowIfCancellationRequested();
            return classifier.Classify(response, timeProvider.GetUtcNow(), said);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return classifier.FromException(e);
        }
    }

    /// <summary>The start of an error body, for operators; best effort, since the status already decides the outcome.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[ExcerptBytes];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += n;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, read);
            var clean = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            clean = new string(clean.Where(c => !char.IsControl(c)).ToArray());
            return clean.Length == 0 ? null : clean.Length <= ExcerptChars ? clean : clean[..ExcerptChars] + "…";
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }
}
