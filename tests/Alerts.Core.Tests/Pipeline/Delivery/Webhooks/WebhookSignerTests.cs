using System.Text;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Delivery.Webhooks;

namespace Alerts.Core.Tests.Pipeline.Delivery.Webhooks;

public class WebhookSignerTests
{
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] VectorBody = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

    private readonly WebhookSigner signer = new();

    [Fact]
    public void Sign_StandardWebhooksTestVector_MatchesSpec()
    {
        var signature = signer.Sign(VectorId, VectorTimestamp, VectorBody, [SampleDeliveries.Secret]);

        Assert.Equal(VectorSignature, signature);
    }

    [Fact]
    public void Sign_TwoSecrets_TwoSpaceSeparatedSignaturesInSecretOrder()
    {
        var other = SigningSecret.NewValue();

        var signature = signer.Sign(VectorId, VectorTimestamp, VectorBody, [SampleDeliveries.Secret, other]);

        var parts = signature.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.Equal(VectorSignature, parts[0]);
        Assert.Equal(signer.Sign(VectorId, VectorTimestamp, VectorBody, [other]), parts[1]);
        Assert.NotEqual(parts[0], parts[1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")] // no prefix
    [InlineData("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")] // prefix is case-sensitive
    [InlineData("whsec_")]
    [InlineData("whsec_not*base64*at*all*not*base64")]
    [InlineData("whsec_AAECAwQFBgcICQoL")] // 12 bytes: too short
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0A=")] // 65 bytes: too long
    public void Sign_MalformedSecret_ThrowsArgumentExceptionWithoutEchoingIt(string secret)
    {
        var e = Assert.Throws<ArgumentException>(() => signer.Sign(VectorId, VectorTimestamp, VectorBody, [SampleDeliveries.Secret, secret]));

        Assert.Contains("secret #2 is malformed", e.Message);
        Assert.Contains("whsec_", e.Message);
        if (secret.Length > 6)
        {
            Assert.DoesNotContain(secret, e.Message);
        }
    }

    [Fact]
    public void Sign_NoSecrets_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => signer.Sign(VectorId, VectorTimestamp, VectorBody, []));

        Assert.Contains("At least one", e.Message);
    }

    [Fact]
    public void NewSecret_Is24RandomBytesThatSign()
    {
        var a = SigningSecret.NewValue();
        var b = SigningSecret.NewValue();

        Assert.StartsWith("whsec_", a);
        Assert.Equal(24, Convert.FromBase64String(a["whsec_".Length..]).Length);
        Assert.NotEqual(a, b);
        Assert.True(WebhookSigner.IsValidSecret(a));
        Assert.StartsWith("v1,", signer.Sign(VectorId, VectorTimestamp, VectorBody, [a]));
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false)]
    [InlineData(null, false)]
    public void IsValidSecret_ChecksShape(string? secret, bool expected) =>
        Assert.Equal(expected, WebhookSigner.IsValidSecret(secret));
}
