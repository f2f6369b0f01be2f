using System.Net.Sockets;
using Alerts.Core.Domain.Deliveries;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Alerts.Core.Pipeline.Delivery.Email;

/// <summary>
/// The one place that turns what an SMTP relay said (or failed to say) into a <see cref="DeliveryOutcome"/>:
/// 4xx replies and broken connections are worth retrying, 5xx replies and refused credentials are not.
/// </summary>
public sealed class SmtpOutcomeClassifier
{
    public const int AcceptedCode = 250;

    /// <summary>The relay accepted the message; <paramref name="serverResponse"/> is its reply to the end of DATA.</summary>
    public DeliveryOutcome Accepted(string host, string? serverResponse) =>
        new DeliveryOutcome.Delivered(
            string.IsNullOrWhiteSpace(serverResponse) ? $"accepted by {host}" : $"accepted by {host}: {OneLine(serverResponse)}",
            AcceptedCode);

    /// <summary>
    /// Classifies a failed attempt. An <see cref="OperationCanceledException"/> passed here is the per-attempt timeout:
    /// the channel rethrows the caller's own cancellation before classifying.
    /// </summary>
    public DeliveryOutcome Classify(Exception exception) => exception switch
    {
        SmtpCommandException { StatusCode: var status } e when (int)status is >= 500 and < 600 =>
            new DeliveryOutcome.Failed($"SMTP {(int)status} {Stage(e)}: {OneLine(e.Message)}", (int)status),
        SmtpCommandException { StatusCode: var status } e =>
            new DeliveryOutcome.Retry($"SMTP {(int)status} {Stage(e)}: {OneLine(e.Message)}", (int)status),
        AuthenticationException e => new DeliveryOutcome.Failed($"SMTP authentication failed: {OneLine(e.Message)}", null),
        SmtpProtocolException e => new DeliveryOutcome.Retry($"SMTP protocol error: {OneLine(e.Message)}", null),
        SslHandshakeException e => new DeliveryOutcome.Retry($"TLS handshake with the SMTP host failed: {OneLine(e.Message)}", null),
        ServiceNotConnectedException e => new DeliveryOutcome.Retry($"not connected to the SMTP host: {OneLine(e.Message)}", null),
        SocketException e => new DeliveryOutcome.Retry($"could not reach the SMTP host ({e.SocketErrorCode}): {OneLine(e.Message)}", null),
        IOException e => new DeliveryOutcome.Retry($"connection to the SMTP host broke: {OneLine(e.Message)}", null),
        TimeoutException or OperationCanceledException => new DeliveryOutcome.Retry("SMTP attempt timed out", null),

        // An error nobody anticipated is more often a passing state than a permanent verdict; the retry schedule bounds it.
        _ => new DeliveryOutcome.Retry($"unexpected error sending email ({exception.GetType().Name}): {OneLine(exception.Message)}", null),
    };

    private static string Stage(SmtpCommandException e) => e.ErrorCode switch
    {
        SmtpErrorCode.RecipientNotAccepted => $"recipient {e.Mailbox?.Address} not accepted",
        SmtpErrorCode.SenderNotAccepted => $"sender {e.Mailbox?.Address} not accepted",
        SmtpErrorCode.MessageNotAccepted => "message not accepted",
        _ => "unexpected reply",
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
