using System.Globalization;

namespace Alerts.Testing;

/// <summary>CAP 1.2 messages as a reporting system sends them, timed now, for tests through the API.</summary>
public static class CapDocuments
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";
    public const string Sender = "border-guard.example.pl";
    public const string MediaType = "application/cap+xml";

    /// <summary>Przewodów: a 2 km circle and the country as a geocode.</summary>
    public const string PrzewodowArea = """
        <area><areaDesc>Przewodów</areaDesc><circle>50.4717,23.9336 2</circle><geocode><valueName>ISO3166-1</valueName><value>PL</value></geocode></area>
        """;

    /// <summary>A minute ago, as CAP writes times.</summary>
    public static string Now { get; } = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    public static string Message(
        string identifier,
        string msgType = "Alert",
        string status = "Actual",
        string? references = null,
        string? info = null,
        string sender = Sender) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="{Namespace}">
          <identifier>{identifier}</identifier>
          <sender>{sender}</sender>
          <sent>{Now}</sent>
          <status>{status}</status>
          <msgType>{msgType}</msgType>
          <scope>Restricted</scope>
          <restriction>Partners</restriction>
          {(references is null ? string.Empty : $"<references>{references}</references>")}
          {info ?? string.Empty}
        </alert>
        """;

    public static string Info(string area = PrzewodowArea, string headline = "Missile struck a grain dryer; two killed.", string severity = "Extreme", string @event = "Missile impact", string category = "Security", string? parameters = null) => $"""
        <info>
          <category>{category}</category>
          <event>{@event}</event>
          <urgency>Immediate</urgency>
          <severity>{severity}</severity>
          <certainty>Possible</certainty>
          <onset>{Now}</onset>
          <headline>{headline}</headline>
          {parameters ?? "<parameter><valueName>casualties.killed</valueName><value>2</value></parameter>"}
          {area}
        </info>
        """;

    public static string Alert(string identifier, string? info = null, string status = "Actual") => Message(identifier, "Alert", status, info: info ?? Info());

    /// <summary>The reference to an earlier message of <see cref="Sender"/>, as CAP writes it.</summary>
    public static string Reference(string identifier) => $"{Sender},{identifier},{Now}";
}
