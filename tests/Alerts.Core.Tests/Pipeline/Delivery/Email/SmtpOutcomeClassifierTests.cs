using System.Net.Sockets;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Pipeline.Delivery.Email;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Alerts.Core.Tests.Pipeline.Delivery.Email;

public sealed class SmtpOutcomeClassifierTests
{
    public static TheoryData<Exception, Type, int?> Failures => new()
    {
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ErrorInProcessing, "try later"), typeof(DeliveryOutcome.Retry), 451 },
        { new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.ServiceNotAvailable, "closing"), typeof(DeliveryOutcome.Retry), 421 },
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, "greylisted"), typeof(DeliveryOutcome.Retry), 450 },
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "no such user"), typeof(DeliveryOutcome.Failed), 550 },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "spam"), typeof(DeliveryOutcome.Failed), 554 },
        { new AuthenticationException("535: bad credentials"), typeof(DeliveryOutcome.Failed), null },
        { new SmtpProtocolException("unexpected end of stream"), typeof(DeliveryOutcome.Retry), null },
        { new IOException("connection reset"), typeof(DeliveryOutcome.Retry), null },
        { new SocketException((int)SocketError.ConnectionRefused), typeof(DeliveryOutcome.Retry), null },
        { new TimeoutException(), typeof(DeliveryOutcome.Retry), null },
        { new OperationCanceledException(), typeof(DeliveryOutcome.Retry), null },
        { new ServiceNotConnectedException(), typeof(DeliveryOutcome.Retry), null },
        { new SslHandshakeException("certificate not trusted"), typeof(DeliveryOutcome.Retry), null },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_MapsFailureToOutcome(Exception exception, Type expected, int? code)
    {
        var outcome = new SmtpOutcomeClassifier().Classify(exception);

        Assert.IsType(expected, outcome);
        Assert.Equal(code, outcome.Code);
    }

    [Fact]
    public void Classify_CommandReply_DetailCarriesServerText()
    {
        var outcome = new SmtpOutcomeClassifier().Classify(
            new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, new MimeKit.MailboxAddress("", "x@example.org"), "no such user"));

        Assert.Equal("SMTP 550 recipient x@example.org not accepted: no such user", outcome.Detail);
    }

    [Fact]
    public void Classify_Authentication_SaysSo()
    {
        var outcome = new SmtpOutcomeClassifier().Classify(new AuthenticationException("535 5.7.8 bad credentials"));

        Assert.StartsWith("SMTP authentication failed", outcome.Detail);
    }

    [Fact]
    public void Accepted_Delivered250WithServerReply()
    {
        var outcome = new SmtpOutcomeClassifier().Accepted("smtp.example.org", "2.0.0 Ok: queued as 12345");

        var delivered = Assert.IsType<DeliveryOutcome.Delivered>(outcome);
        Assert.Equal(250, delivered.Code);
        Assert.Equal("accepted by smtp.example.org: 2.0.0 Ok: queued as 12345", delivered.Detail);
    }
}
