using Alerts.Core.Domain.Validation;

namespace Alerts.Core.Tests.Domain.Validation;

public class ReadableTextTests
{
    [Theory]
    [InlineData("Przewodów, Lubelskie", false, true)]
    [InlineData("Пшеводув 🚀", false, true)]
    [InlineData("two\u0000", false, false)]
    [InlineData("bell\u0007", false, false)]
    [InlineData("esc\u001b[2J", false, false)]
    [InlineData("del\u007f", false, false)]
    [InlineData("c1\u0085", false, false)]
    [InlineData("rlo\u202Eevil", false, false)]
    [InlineData("isolate\u2067x\u2069", false, false)]
    [InlineData("mark\u200F", false, false)]
    [InlineData("line\u2028sep", false, false)]
    [InlineData("crlf\r\nBcc: x", false, false)]
    [InlineData("crlf\r\nsecond line\ttab", true, true)]
    [InlineData("multi\u202E", true, false)]
    public void Problem(string text, bool multiline, bool readable) =>
        Assert.Equal(readable, ReadableText.Problem(text, multiline) is null);

    /// <summary>Built in code: test-case data would not carry unpaired surrogates through intact.</summary>
    [Fact]
    public void UnpairedSurrogates_AreRefused()
    {
        Assert.NotNull(ReadableText.Problem("lone " + (char)0xD800 + " surrogate", multiline: true));
        Assert.NotNull(ReadableText.Problem("reversed " + (char)0xDC00 + (char)0xD800));
        Assert.Null(ReadableText.Problem("paired " + (char)0xD83D + (char)0xDE80));
    }
}
