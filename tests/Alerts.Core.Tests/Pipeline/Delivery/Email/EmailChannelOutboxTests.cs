using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Pipeline.Delivery.Email;
using MimeKit;

namespace Alerts.Core.Tests.Pipeline.Delivery.Email;

/// <summary>With no SMTP host, messages land as .eml files in the outbox folder.</summary>
public sealed class EmailChannelOutboxTests : IDisposable
{
    private readonly string outbox = Path.Combine(Path.GetTempPath(), "alerts-outbox-" + Guid.NewGuid().ToString("N"), "outbox");

    public void Dispose()
    {
        var root = Path.GetDirectoryName(outbox)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_NoHost_WritesLoadableEmlToOutbox()
    {
        var channel = EmailChannels.Create(new EmailOptions { Host = "", OutboxPath = outbox });
        var attempt = EmailNotices.Attempt(deliveryId: "msg_outbox1");

        var outcome = await channel.SendAsync(attempt, CancellationToken.None);

        var delivered = Assert.IsType<DeliveryOutcome.Delivered>(outcome);
        var file = Assert.Single(Directory.GetFiles(outbox)); File.Copy(file, "/tmp/sample.eml", true);
        Assert.Equal("20221115T155200-inc-0g9xk2m4pq7r3stvwx-v1-duty@example.org-msg_outbox1.eml", Path.GetFileName(file));
        Assert.Equal($"written to outbox: {file}", delivered.Detail);
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("[ALERT] EXTREME missile-impact — Przewodów, PL", message.Subject);
        Assert.Equal("duty@example.org", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Contains("Missile struck a grain dryer", message.TextBody);
    }

    [Fact]
    public async Task SendAsync_SameDeliveryTwice_LeavesOneFile()
    {
        var channel = EmailChannels.Create(new EmailOptions { OutboxPath = outbox });
        var attempt = EmailNotices.Attempt(deliveryId: "msg_twice");

        await channel.SendAsync(attempt, CancellationToken.None);
        await channel.SendAsync(attempt with { Attempt = 2 }, CancellationToken.None);

        Assert.Single(Directory.GetFiles(outbox));
    }

    [Fact]
    public void Constructor_RelativeOutboxPath_ResolvesAgainstCurrentDirectory()
    {
        var channel = EmailChannels.Create(new EmailOptions { OutboxPath = "outbox" });

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "outbox"), channel.OutboxPath);
    }
}
