using System.Net.Http.Headers;
using System.Net.Sockets;
using Alerts.Core.Domain.Deliveries;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Delivery.Webhooks;

/// <summary>
/// The one place that turns what a webhook receiver did into a <see cref="DeliveryOutcome"/>: 2xx delivered, 410 gone for
/// good, 408/429/5xx and network trouble worth retrying (honouring <c>Retry-After</c>), redirects and other 4xx failed.
/// </summary>
public sealed class HttpOutcomeClassifier(IOptions<WebhookOptions> options)
{
    private const int MaxDetailLength = 300;

    /// <summary>Classifies a response; <paramref name="receiverSaid"/> is a short excerpt of its body, if one was read.</summary>
    public DeliveryOutcome Classify(HttpResponseMessage response, DateTimeOffset now, string? receiverSaid = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var code = (int)response.StatusCode;
        var status = $"HTTP {code} {ReasonPhrases.GetReasonPhrase(code)}".TrimEnd();
        var said = string.IsNullOrWhiteSpace(receiverSaid) ? "" : $"; receiver said: {receiverSaid}";

        switch (code)
        {
            case >= 200 and <= 299:
                return new DeliveryOutcome.Delivered(status, code);
            case 410:
                return new DeliveryOutcome.Failed(Short($"{status}: the receiver says this endpoint is gone{said}"), code, DisableSubscriber: true);
            case 408 or 429 or (>= 500 and <= 599):
                var retryAfter = RetryAfter(response, now);
                var wait = retryAfter is { } r ? $", retry after {r.TotalSeconds:0} s" : "";
                return new DeliveryOutcome.Retry(Short($"{status}{wait}{said}"), code, retryAfter);
            case >= 300 and <= 399:
                var location = response.Headers.Location is { } l ? $"Location {l.OriginalString}" : "no Location";
                return new DeliveryOutcome.Failed(Short($"redirect not followed: {status}, {location}"), code);
            case >= 400 and <= 499:
                return new DeliveryOutcome.Failed(Short($"{status}: rejected by the receiver{said}"), code);
            default:
                return new DeliveryOutcome.Failed(Short($"{status}: unexpected status"), code);
        }
    }

    /// <summary>
    /// Classifies a failure to get a response. The caller rethrows its own cancellation first, so a cancellation that
    /// reaches here is the attempt timeout.
    /// </summary>
    public DeliveryOutcome FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is WebhookAddressRefusedException refused)
            {
                return new DeliveryOutcome.Failed(Short(refused.Message), null);
            }
        }

        return exception switch
        {
            OperationCanceledException or TimeoutException =>
                new DeliveryOutcome.Retry($"timed out: no response within {options.Value.AttemptTimeout.TotalSeconds:0.#} s", null),
            HttpRequestException or SocketException or IOException =>
                new DeliveryOutcome.Retry(Short($"network error: {Describe(exception)}"), null),

            // Not expected; retrying is harmless and the delivery ends Failed, with this detail, when the schedule runs out.
            _ => new DeliveryOutcome.Retry(Short($"unexpected error ({exception.GetType().Name}): {exception.Message}"), null),
        };
    }

    /// <summary>The <c>Retry-After</c> wait (delta-seconds or HTTP-date), clamped to [0, MaxRetryAfter]; null when absent or unreadable.</summary>
    internal TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (!response.Headers.NonValidated.TryGetValues("Retry-After", out var values))
        {
            return null;
        }

        var raw = values.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var max = options.Value.MaxRetryAfter;
        TimeSpan wait;
        if (raw.All(char.IsAsciiDigit))
        {
            // A delta too large even for a long is still "a long time": clamp it rather than ignore it.
            wait = long.TryParse(raw, out var seconds) && seconds < max.TotalSeconds ? TimeSpan.FromSeconds(seconds) : max;
        }
        else if (RetryConditionHeaderValue.TryParse(raw, out var parsed) && parsed.Date is { } date)
        {
            wait = date - now;
        }
        else
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }

    private static string Describe(Exception exception)
    {
        // HttpClient's TLS and similar messages say "see inner exception"; the inner one is the useful one.
        var e = exception;
        while (e.InnerException is not null && e.Message.Contains("inner exception", StringComparison.OrdinalIgnoreCase))
        {
            e = e.InnerException;
        }

        return e.Message;
    }

    private static string Short(string detail) => detail.Length <= MaxDetailLength ? detail : detail[..(MaxDetailLength - 1)] + "…";
}
