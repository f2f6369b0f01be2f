using Alerts.Core.Pipeline.Delivery.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline.Delivery.Email;

/// <summary>Builds an <see cref="EmailChannel"/> the way the hosts do, from options, with a fake clock.</summary>
internal static class EmailChannels
{
    public static EmailChannel Create(EmailOptions options, TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? new FakeTimeProvider(EmailNotices.IssuedAt);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        return new EmailChannel(wrapped, new EmailComposer(wrapped, Microsoft.Extensions.Options.Options.Create(new Alerts.Core.Pipeline.Delivery.LinkOptions()), time), new SmtpOutcomeClassifier(), time, NullLogger<EmailChannel>.Instance);
    }
}
