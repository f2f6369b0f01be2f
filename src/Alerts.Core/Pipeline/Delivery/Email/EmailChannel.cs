using System.Globalization;
using System.Text;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Subscribers;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alerts.Core.Pipeline.Delivery.Email;

/// <summary>
/// Sends one notice to one email subscriber over SMTP, one connection per attempt; with no SMTP host configured,
/// writes it as an <c>.eml</c> file to the outbox folder instead.
/// </summary>
public sealed class EmailChannel : IDeliveryChannel
{
    private readonly EmailOptions options;
    private readonly EmailComposer composer;
    private readonly SmtpOutcomeClassifier classifier;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<EmailChannel> logger;
    private readonly string outboxPath;

    public EmailChannel(
        IOptions<EmailOptions> options,
        EmailComposer composer,
        SmtpOutcomeClassifier classifier,
        TimeProvider timeProvider,
        ILogger<EmailChannel> logger)
    {
        this.options = options.Value;
        this.composer = composer;
        this.classifier = classifier;
        this.timeProvider = timeProvider;
        this.logger = logger;
        outboxPath = Path.GetFullPath(this.options.OutboxPath);

        if (this.options.UsesSmtp)
        {
            logger.LogInformation(
                "Emails are sent via SMTP host {SmtpHost}:{SmtpPort} (security {SmtpSecurity})",
                this.options.Host, this.options.Port, this.options.Security);
        }
        else
        {
            // A warning, not information: in production this means nobody is emailed.
            logger.LogWarning("No SMTP host configured; emails are written to {OutboxPath}", outboxPath);
        }
    }

    public SubscriberChannel Channel => SubscriberChannel.Email;

    /// <summary>Messages handed to the relay at once; relays limit connections per client.</summary>
    public int MaxInFlightPerDestination => 32;

    /// <summary>Every email goes through the one relay (or outbox).</summary>
    public string DestinationOf(Subscriber subscriber) => "smtp";

    /// <summary>The folder <c>.eml</c> files are written to when no SMTP host is set (absolute).</summary>
    public string OutboxPath => outboxPath;

    public async Task<DeliveryOutcome> SendAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        if (attempt.Subscriber.Channel != SubscriberChannel.Email)
        {
            throw new ArgumentException($"Subscriber {attempt.Subscriber.Id} is a {attempt.Subscriber.Channel} subscriber, not an email subscriber.", nameof(attempt));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!MailboxAddress.TryParse(attempt.Subscriber.Target, out var recipient) || string.IsNullOrEmpty(recipient.Domain))
        {
            return new DeliveryOutcome.Failed($"subscriber target '{attempt.Subscriber.Target}' is not an email address", null);
        }

        var message = composer.Compose(attempt.Notice, recipient, attempt.DeliveryId);
        var outcome = options.UsesSmtp
            ? await SendViaSmtpAsync(message, cancellationToken)
            : await WriteToOutboxAsync(message, attempt, recipient, cancellationToken);

        if (outcome is DeliveryOutcome.Delivered)
        {
            logger.LogInformation(
                "Email delivery {DeliveryId} attempt {Attempt} to subscriber {SubscriberId}: {Outcome} {Detail}",
                attempt.DeliveryId, attempt.Attempt, attempt.Subscriber.Id, nameof(DeliveryOutcome.Delivered), outcome.Detail);
        }
        else
        {
            logger.LogWarning(
                "Email delivery {DeliveryId} attempt {Attempt} to subscriber {SubscriberId}: {Outcome} {Detail}",
                attempt.DeliveryId, attempt.Attempt, attempt.Subscriber.Id, outcome.GetType().Name, outcome.Detail);
        }

        return outcome;
    }

    private async Task<DeliveryOutcome> SendViaSmtpAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var host = options.Host!;
        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;

        using var client = new SmtpClient { Timeout = (int)Math.Min(options.Timeout.TotalMilliseconds, int.MaxValue) };
        try
        {
            await client.ConnectAsync(host, options.Port, SocketOptions(options.Security), token);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? string.Empty, token);
            }

            var response = await client.SendAsync(message, token);
            await QuitQuietlyAsync(client);
            return classifier.Accepted(host, response);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "SMTP attempt to {SmtpHost}:{SmtpPort} failed", host, options.Port);
            await QuitQuietlyAsync(client);
            return classifier.Classify(ex);
        }
    }

    /// <summary>Says QUIT when the session is still up; the outcome is already decided, so failures here change nothing.</summary>
    private static async Task QuitQuietlyAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(true, quit.Token);
        }
        catch (Exception)
        {
            // Disposing the client closes the socket anyway.
        }
    }

    private async Task<DeliveryOutcome> WriteToOutboxAsync(
        MimeMessage message, DeliveryAttempt attempt, MailboxAddress recipient, CancellationToken cancellationToken)
    {
        var path = Path.Combine(outboxPath, OutboxFileName(attempt, recipient));
        var partial = path + ".partial";
        try
        {
            Directory.CreateDirectory(outboxPath);

            // Written aside and moved into place, so someone watching the folder never opens half a message and a retry
            // of the same delivery replaces its file rather than adding a second one.
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
            return new DeliveryOutcome.Delivered($"written to outbox: {path}", null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            TryDelete(partial);
            throw;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            return new DeliveryOutcome.Retry($"could not write to outbox {outboxPath}: {ex.Message}", null);
        }
    }

    /// <summary><c>{yyyyMMddTHHmmss}-{incidentId}-v{version}-{recipient}-{deliveryId}.eml</c>, stable across retries of one delivery.</summary>
    public static string OutboxFileName(DeliveryAttempt attempt, MailboxAddress recipient)
    {
        var notice = attempt.Notice;
        var issued = notice.IssuedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        return $"{issued}-{FileSafe(notice.IncidentId)}-v{notice.Version}-{FileSafe(recipient.Address)}-{FileSafe(attempt.DeliveryId)}.eml";
    }

    private static string FileSafe(string value)
    {
        var safe = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or '+' ? c : '_');
        }

        return safe.ToString().Trim('.');
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception)
        {
            // A leftover .partial file is harmless; the next attempt overwrites it.
        }
    }

    private static SecureSocketOptions SocketOptions(string security) => security.ToLowerInvariant() switch
    {
        "starttls" => SecureSocketOptions.StartTls,
        "tls" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
