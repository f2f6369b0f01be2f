using System.Text;
using Alerts.Core.Domain.Cap;

namespace Alerts.Core.Tests.Domain.Cap;

/// <summary>Reading CAP safely: the schema is applied, every problem names its element, and hostile XML is refused before it can do harm.</summary>
public class CapDocumentReaderTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(string document) => CapDocumentReader.Read(CapSamples.Bytes(document)).Errors;

    private static string All(IReadOnlyDictionary<string, string[]> errors) => string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

    [Fact]
    public void Read_AValidAlert_IsKept() => Assert.True(CapDocumentReader.Read(CapSamples.Bytes(CapSamples.Alert())).IsValid, All(Errors(CapSamples.Alert())));

    [Theory]
    [InlineData("an unknown severity", "<severity>Extreme</severity>", "<severity>Apocalyptic</severity>", "alert/info[1]/severity", "Apocalyptic")]
    [InlineData("a category CAP does not know", "<category>Security</category>", "<category>War</category>", "alert/info[1]/category[1]", "War")]
    [InlineData("a missing event", "<event>Missile impact</event>", "", "alert/info[1]/urgency", "expected: 'category, event'")]
    [InlineData("an element CAP does not have", "<urgency>Immediate</urgency>", "<urgency>Immediate</urgency><blast>big</blast>", "alert/info[1]/blast", "blast")]
    [InlineData("a sent time without offset", "2022-11-15T15:45:00+01:00", "2022-11-15T15:45:00Z", "alert/sent", "")]
    [InlineData("a missing scope", "<scope>Restricted</scope>", "", "alert/restriction", "expected: 'source, scope'")]
    public void Read_ASchemaViolation_NamesTheElement(string why, string replace, string with, string element, string mentions)
    {
        var errors = Errors(CapSamples.Alert().Replace(replace, with, StringComparison.Ordinal));

        Assert.True(errors.ContainsKey(element), $"{why}: {All(errors)}");
        Assert.Contains(mentions, string.Join(" ", errors[element]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("external entity (XXE)", """<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>""", "DTD")]
    [InlineData("external DTD", """<?xml version="1.0"?><!DOCTYPE alert SYSTEM "http://127.0.0.1:1/cap.dtd"><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>""", "DTD")]
    [InlineData("billion laughs", """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol3;</identifier></alert>""", "DTD")]
    [InlineData("not XML at all", "{\"reportId\":\"r-1\"}", "not well-formed")]
    [InlineData("unclosed element", """<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</alert>""", "not well-formed")]
    [InlineData("CAP 1.1", """<alert xmlns="urn:oasis:names:tc:emergency:cap:1.1"><identifier>x</identifier></alert>""", "CAP 1.2")]
    [InlineData("another document", """<feed xmlns="http://www.w3.org/2005/Atom"/>""", "CAP 1.2")]
    [InlineData("an encoding nobody knows", """<?xml version="1.0" encoding="x-no-such-encoding"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>""", "encoding")]
    public void Read_HostileOrForeignXml_IsRefusedAsAWhole(string why, string document, string mentions)
    {
        var errors = Errors(document);

        Assert.True(errors.ContainsKey("$"), $"{why}: {All(errors)}");
        Assert.Contains(mentions, errors["$"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverDeepNesting_IsRefused()
    {
        var deep = string.Concat(Enumerable.Repeat("<x:s>", 40)) + string.Concat(Enumerable.Repeat("</x:s>", 40));
        var document = CapSamples.Alert().Replace("</alert>", $"<x:Signature xmlns:x=\"http://www.w3.org/2000/09/xmldsig#\">{deep}</x:Signature></alert>", StringComparison.Ordinal);

        var errors = Errors(document);

        Assert.Contains("deeper than 12", errors["$"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BytesThatAreNotUtf8_AreRefused()
    {
        var bytes = CapSamples.Bytes(CapSamples.Alert()).ToList();
        var at = bytes.IndexOf((byte)'P');
        bytes.InsertRange(at, [0xC3, 0x28, 0xFF]);

        var read = CapDocumentReader.Read(bytes.ToArray());

        Assert.False(read.IsValid);
        Assert.Contains("encoding", read.Errors["$"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Latin1DeclaredAndWritten_IsRead()
    {
        var document = CapSamples.Alert().Replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"", StringComparison.Ordinal).Replace("Przewodów", "Przewodów (Hrubieszów)", StringComparison.Ordinal);

        var read = CapDocumentReader.Read(Encoding.Latin1.GetBytes(document));

        Assert.True(read.IsValid, All(read.Errors));
        Assert.Contains("Hrubieszów", read.Document!.ToString(), StringComparison.Ordinal);
    }
}
