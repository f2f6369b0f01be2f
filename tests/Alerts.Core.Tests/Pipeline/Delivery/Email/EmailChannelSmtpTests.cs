using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Delivery.Email;
using Alerts.Testing;
using MimeKit;

namespace Alerts.Core.Tests.Pipeline.Delivery.Email;

/// <summary>The email channel against a real SMTP server on loopback.</summary>
public sealed class EmailChannelSmtpTests : IAsyncLifetime
{
    private SmtpTestServer smtp = null!;

    public async Task InitializeAsync() => smtp = await SmtpTestServer.StartAsync();

    public async Task DisposeAsync() => await smtp.DisposeAsync();

    private EmailChannel Channel(string security = "auto") => EmailChannels.Create(new EmailOptions
    {
        Host = smtp.Host,
        Port = smtp.Port,
        Security = security,
        From = "Border Alerts <alerts@alerts.example.org>",
    });

    [Fact]
    public async Task SendAsync_ServerAccepts_MessageArrivesWithSubjectAddressesIdAndFacts()
    {
        var attempt = EmailNotices.Attempt(deliveryId: "msg_2Kx9ab");

        var outcome = await Channel().SendAsync(attempt, CancellationToken.None);

        var delivered = Assert.IsType<DeliveryOutcome.Delivered>(outcome);
        Assert.Equal(250, delivered.Code);
        var received = Assert.Single(smtp.Messages);
        Assert.Equal("alerts@alerts.example.org", received.EnvelopeFrom);
        Assert.Equal(["duty@example.org"], received.EnvelopeTo);

        var message = received.Message;
        Assert.Equal("[ALERT] EXTREME missile-impact — Przewodów, PL", message.Subject);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Border Alerts", "alerts@alerts.example.org"), (from.Name, from.Address));
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(("Duty Officer", "duty@example.org"), (to.Name, to.Address));
        Assert.Equal("msg_2Kx9ab@alerts", message.MessageId);
        Assert.Equal("inc-0g9xk2m4pq7r3stvwx", message.Headers[EmailComposer.IncidentHeader]);
        Assert.Equal("1", message.Headers[EmailComposer.VersionHeader]);
        Assert.Equal(NoticeTypes.Alert, message.Headers[EmailComposer.TypeHeader]);

        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.NotNull(body);
            Assert.Contains("Przewodów, PL (50.4717, 23.9336)", body);
            Assert.Contains("2022-11-15 13:40:00 UTC", body);
            Assert.Contains("Extreme", body);
            Assert.Contains("Possible", body);
            Assert.Contains("Immediate", body);
            Assert.Contains("2 killed, 0 injured", body);
            Assert.Contains("Russian Federation (confidence: Possible)", body);
            Assert.Contains("Missile struck a grain dryer; two killed.", body);
            Assert.Contains("Impact near the grain dryer", body);
            Assert.Contains("C3", body);
            Assert.Contains("https://alerts.example.org/incidents/inc-0g9xk2m4pq7r3stvwx", body);
        }

        Assert.Contains("<a href=\"https://alerts.example.org/incidents/inc-0g9xk2m4pq7r3stvwx\">", message.HtmlBody);
    }

    [Fact]
    public async Task SendAsync_Server451_RetryWithCode451_ThenDeliveredOnceServerRecovers()
    {
        smtp.ReplyToNext(1, 451, "try later");
        var channel = Channel();
        var first = EmailNotices.Attempt(deliveryId: "msg_retry", attempt: 1);

        var refused = await channel.SendAsync(first, CancellationToken.None);
        var accepted = await channel.SendAsync(first with { Attempt = 2 }, CancellationToken.None);

        var retry = Assert.IsType<DeliveryOutcome.Retry>(refused);
        Assert.Equal(451, retry.Code);
        Assert.Contains("try later", retry.Detail);
        Assert.IsType<DeliveryOutcome.Delivered>(accepted);
        var received = Assert.Single(smtp.Messages);
        Assert.Equal("msg_retry@alerts", received.Message.MessageId);
    }

    [Fact]
    public async Task SendAsync_Server550_FailedWithCode550()
    {
        smtp.ReplyToNext(1, 550, "no such user");

        var outcome = await Channel(security: "none").SendAsync(EmailNotices.Attempt(), CancellationToken.None);

        var failed = Assert.IsType<DeliveryOutcome.Failed>(outcome);
        Assert.Equal(550, failed.Code);
        Assert.Contains("no such user", failed.Detail);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task SendAsync_NothingListening_Retry()
    {
        var channel = EmailChannels.Create(new EmailOptions { Host = "127.0.0.1", Port = FreePort.Next(), Security = "none" });

        var outcome = await channel.SendAsync(EmailNotices.Attempt(), CancellationToken.None);

        var retry = Assert.IsType<DeliveryOutcome.Retry>(outcome);
        Assert.Null(retry.Code);
    }

    [Fact]
    public async Task SendAsync_CallerCancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Channel().SendAsync(EmailNotices.Attempt(), cancelled.Token));
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task SendAsync_TargetNotAnEmailAddress_FailedWithoutContactingServer()
    {
        var attempt = EmailNotices.Attempt(subscriber: EmailNotices.Subscriber(target: "not an address"));

        var outcome = await Channel().SendAsync(attempt, CancellationToken.None);

        Assert.IsType<DeliveryOutcome.Failed>(outcome);
        Assert.Empty(smtp.Messages);
    }
}
