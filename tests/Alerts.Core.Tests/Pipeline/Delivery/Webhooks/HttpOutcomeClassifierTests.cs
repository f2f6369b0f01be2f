using System.Net;
using System.Net.Sockets;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Pipeline.Delivery.Webhooks;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Pipeline.Delivery.Webhooks;

public class HttpOutcomeClassifierTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly HttpOutcomeClassifier classifier = new(Options.Create(new WebhookOptions { AttemptTimeout = TimeSpan.FromSeconds(10) }));

    [Theory]
    [InlineData(200, "Delivered", false)]
    [InlineData(201, "Delivered", false)]
    [InlineData(202, "Delivered", false)]
    [InlineData(204, "Delivered", false)]
    [InlineData(301, "Failed", false)]
    [InlineData(302, "Failed", false)]
    [InlineData(307, "Failed", false)]
    [InlineData(308, "Failed", false)]
    [InlineData(400, "Failed", false)]
    [InlineData(401, "Failed", false)]
    [InlineData(403, "Failed", false)]
    [InlineData(404, "Failed", false)]
    [InlineData(413, "Failed", false)]
    [InlineData(422, "Failed", false)]
    [InlineData(410, "Failed", true)]
    [InlineData(408, "Retry", false)]
    [InlineData(429, "Retry", false)]
    [InlineData(500, "Retry", false)]
    [InlineData(502, "Retry", false)]
    [InlineData(503, "Retry", false)]
    [InlineData(504, "Retry", false)]
    [InlineData(599, "Retry", false)]
    public void Classify_Status(int status, string expected, bool disable)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        var outcome = classifier.Classify(response, Now);

        Assert.Equal(expected, outcome.GetType().Name);
        Assert.Equal(status, outcome.Code);
        Assert.Contains($"HTTP {status}", outcome.Detail);
        Assert.Equal(disable, outcome is DeliveryOutcome.Failed { DisableSubscriber: true });
    }

    [Fact]
    public void Classify_Redirect_SaysItWasNotFollowedAndWhere()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.MovedPermanently);
        response.Headers.Location = new Uri("https://elsewhere.example/hook");

        var outcome = classifier.Classify(response, Now);

        var failed = Assert.IsType<DeliveryOutcome.Failed>(outcome);
        Assert.Equal("redirect not followed: HTTP 301 Moved Permanently, Location https://elsewhere.example/hook", failed.Detail);
    }

    [Fact]
    public void Classify_RejectedWithExcerpt_IncludesWhatTheReceiverSaid()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);

        var outcome = classifier.Classify(response, Now, "bad signature");

        Assert.Equal("HTTP 400 Bad Request: rejected by the receiver; receiver said: bad signature", outcome.Detail);
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData(" 30 ", 30)]
    [InlineData("0", 0)]
    [InlineData("3600", 3600)]
    [InlineData("7200", 3600)] // clamped to MaxRetryAfter
    [InlineData("99999999999999999999999999", 3600)] // too big for a long: still clamped
    [InlineData("Sat, 01 Mar 2025 12:01:30 GMT", 90)]
    [InlineData("Saturday, 01-Mar-25 12:01:30 GMT", 90)] // obsolete RFC 850 form
    [InlineData("Sat, 01 Mar 2025 11:00:00 GMT", 0)] // in the past
    [InlineData("Sun, 02 Mar 2025 12:00:00 GMT", 3600)] // a day away: clamped
    [InlineData("garbage", null)]
    [InlineData("-5", null)]
    [InlineData("1.5", null)]
    [InlineData("", null)]
    public void Classify_RetryAfter(string header, int? expectedSeconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        var outcome = classifier.Classify(response, Now);

        var retry = Assert.IsType<DeliveryOutcome.Retry>(outcome);
        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, retry.RetryAfter);
    }

    [Fact]
    public void Classify_NoRetryAfter_LeavesItToTheSchedule()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        var retry = Assert.IsType<DeliveryOutcome.Retry>(classifier.Classify(response, Now));

        Assert.Null(retry.RetryAfter);
        Assert.Equal("HTTP 429 Too Many Requests", retry.Detail);
    }

    [Fact]
    public void Classify_RetryAfterOnA4xx_IsIgnored()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        response.Headers.TryAddWithoutValidation("Retry-After", "120");

        Assert.IsType<DeliveryOutcome.Failed>(classifier.Classify(response, Now));
    }

    [Theory]
    [InlineData("task-canceled", "Retry", "timed out: no response within 10 s")]
    [InlineData("timeout", "Retry", "timed out: no response within 10 s")]
    [InlineData("http-request", "Retry", "network error: Connection refused (hooks.example:443)")]
    [InlineData("http-request-tls", "Retry", "network error: The remote certificate is invalid")]
    [InlineData("socket", "Retry", "network error: Connection reset by peer")]
    [InlineData("io", "Retry", "network error: The response ended prematurely.")]
    [InlineData("refused", "Failed", "Refused to connect to 'intranet.example': not a public address (10.0.0.7).")]
    [InlineData("refused-wrapped", "Failed", "Refused to connect to 'intranet.example': not a public address (10.0.0.7).")]
    [InlineData("other", "Retry", "unexpected error (InvalidOperationException): boom")]
    public void FromException(string kind, string expected, string detail)
    {
        var refused = new WebhookAddressRefusedException("intranet.example", [IPAddress.Parse("10.0.0.7")]);
        Exception exception = kind switch
        {
            "task-canceled" => new TaskCanceledException(),
            "timeout" => new TimeoutException(),
            "http-request" => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (hooks.example:443)"),
            "http-request-tls" => new HttpRequestException(
                HttpRequestError.SecureConnectionError,
                "The SSL connection could not be established, see inner exception.",
                new IOException("The remote certificate is invalid")),
            "socket" => new SocketException((int)SocketError.ConnectionReset),
            "io" => new IOException("The response ended prematurely."),
            "refused" => refused,
            "refused-wrapped" => new HttpRequestException(HttpRequestError.ConnectionError, "Refused", refused),
            _ => new InvalidOperationException("boom"),
        };

        var outcome = classifier.FromException(exception);

        Assert.Equal(expected, outcome.GetType().Name);
        Assert.Equal(detail, outcome.Detail);
        Assert.Null(outcome.Code);
        Assert.False(outcome is DeliveryOutcome.Failed { DisableSubscriber: true });
    }
}
