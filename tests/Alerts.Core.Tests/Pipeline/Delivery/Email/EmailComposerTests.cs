using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Delivery.Email;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Alerts.Core.Tests.Pipeline.Delivery.Email;

public sealed class EmailComposerTests
{
    private static readonly MailboxAddress Recipient = new("Duty Officer", "duty@example.org");

    private static EmailComposer Composer() =>
        new(Microsoft.Extensions.Options.Options.Create(new EmailOptions()), Microsoft.Extensions.Options.Options.Create(new Alerts.Core.Pipeline.Delivery.LinkOptions()), new FakeTimeProvider(EmailNotices.IssuedAt.AddSeconds(7)));

    public static TheoryData<string, int, int?, Severity, string> Subjects => new()
    {
        { NoticeTypes.Alert, 1, null, Severity.Extreme, "[ALERT] EXTREME missile-impact — Przewodów, PL" },
        { NoticeTypes.Update, 2, 1, Severity.Severe, "[UPDATE v2] SEVERE missile-impact — Przewodów, PL" },
        { NoticeTypes.Update, 3, null, Severity.Moderate, "[UPDATE v3] MODERATE missile-impact — Przewodów, PL" },
        { NoticeTypes.Cancel, 4, 3, Severity.Extreme, "[CANCEL] EXTREME missile-impact — Przewodów, PL" },
    };

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Compose_Subject_ReadsAtAGlance(string type, int version, int? references, Severity severity, string expected)
    {
        var notice = EmailNotices.Notice(type, version, references, EmailNotices.Przewodow() with { Severity = severity });

        var message = Composer().Compose(notice, Recipient, "msg_1");

        Assert.Equal(expected, message.Subject);
        Assert.Equal(type, message.Headers[EmailComposer.TypeHeader]);
        Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), message.Headers[EmailComposer.VersionHeader]);
    }

    [Fact]
    public void Compose_SummaryWithScript_IsHtmlEncoded()
    {
        var facts = EmailNotices.Przewodow(summary: "<script>alert('x')</script> & more");

        var message = Composer().Compose(EmailNotices.Notice(facts: facts), Recipient, "msg_1");

        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", message.HtmlBody);
        Assert.Contains("<script>alert('x')</script> & more", message.TextBody);
    }

    [Fact]
    public void Compose_Correction_SaysWhichVersionItReplaces()
    {
        var message = Composer().Compose(EmailNotices.Notice(NoticeTypes.Update, version: 2, references: 1), Recipient, "msg_1");

        Assert.Contains("2 (replaces version 1)", message.TextBody);
        Assert.Contains("2 (replaces version 1)", message.HtmlBody);
    }

    [Fact]
    public void Compose_MultipartAlternativeWithDeliveryMessageIdAndClockDate()
    {
        var message = Composer().Compose(EmailNotices.Notice(NoticeTypes.Review, 1, null, EmailNotices.Przewodow()), Recipient, "msg_2Kx9ab");

        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Equal("msg_2Kx9ab@alerts", message.MessageId);
        Assert.Equal(EmailNotices.IssuedAt.AddSeconds(7), message.Date);
        Assert.Equal("alerts@localhost", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
    }

    [Fact]
    public void Compose_NonHttpUrl_IsNotALink()
    {
        var notice = EmailNotices.Notice() with { IncidentUrl = "javascript:alert(1)" };

        var message = Composer().Compose(notice, Recipient, "msg_1");

        Assert.DoesNotContain("<a ", message.HtmlBody);
    }

    [Theory]
    [InlineData("msg_2Kx9ab", "msg_2Kx9ab@alerts")]
    [InlineData("3f2a9c1e-7b4d-4e0a-9d1c-5b6a7e8f9a0b", "3f2a9c1e-7b4d-4e0a-9d1c-5b6a7e8f9a0b@alerts")]
    [InlineData("a b<c>@d", "a-b-c--d@alerts")]
    public void MessageIdFor_IsStableAndValid(string deliveryId, string expected)
    {
        Assert.Equal(expected, EmailComposer.MessageIdFor(deliveryId));
    }

    [Theory]
    [InlineData(NoticeTypes.Alert, 1, null, "Alert")]
    [InlineData(NoticeTypes.Update, 2, 1, "Update")]
    [InlineData(NoticeTypes.Cancel, 2, 1, "Cancel")]
    public void Compose_APublicNotice_CarriesItsCapAlert_ValidAgainstTheSchema(string type, int version, int? references, string msgType)
    {
        var notice = EmailNotices.Notice(type, version, references, EmailNotices.Przewodow()) with { Number = version };

        var message = Composer().Compose(notice, Recipient, "msg_1");

        Assert.Equal("multipart/mixed", message.Body!.ContentType.MimeType);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("application/cap+xml", attachment.ContentType.MimeType);
        Assert.Equal($"{notice.IncidentId}.{version}.cap.xml", attachment.FileName);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        var read = Alerts.Core.Domain.Cap.CapDocumentReader.Read(content.ToArray());
        Assert.True(read.IsValid, string.Join("; ", read.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        var alert = read.Document!.Root!;
        Assert.Equal(msgType, alert.Element(System.Xml.Linq.XName.Get("msgType", Alerts.Core.Domain.Cap.CapNames.Namespace))!.Value);
        Assert.Equal("localhost", alert.Element(System.Xml.Linq.XName.Get("sender", Alerts.Core.Domain.Cap.CapNames.Namespace))!.Value);
    }
}
