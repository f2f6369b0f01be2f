using System.Text;

namespace Alerts.Core.Tests.Domain.Cap;

/// <summary>CAP 1.2 documents to start tests from, written as a reporting system would send them.</summary>
public static class CapSamples
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>A valid Alert; <paramref name="info"/> and <paramref name="head"/> replace parts of it.</summary>
    public static string Alert(string? info = null, string msgType = "Alert", string status = "Actual", string identifier = "PL-BG-2022-11-15-001", string? head = null, string sender = "border-guard.example.pl") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="{Namespace}">
          <identifier>{identifier}</identifier>
          <sender>{sender}</sender>
          <sent>2022-11-15T15:45:00+01:00</sent>
          <status>{status}</status>
          <msgType>{msgType}</msgType>
          <scope>Restricted</scope>
          <restriction>Border guard partners</restriction>
          {head ?? string.Empty}
          {info ?? Info()}
        </alert>
        """;

    public static string Info(string? parameters = null, string? area = null, string category = "Security", string @event = "Missile impact", string severity = "Extreme", string? extra = null) => $"""
        <info>
            <language>en-GB</language>
            <category>{category}</category>
            <event>{@event}</event>
            <urgency>Immediate</urgency>
            <severity>{severity}</severity>
            <certainty>Possible</certainty>
            {extra ?? string.Empty}
            <headline>Missile struck a grain dryer near the Ukrainian border; two killed.</headline>
            <description>Impact at a farm in Przewodów, Hrubieszów county.</description>
            {parameters ?? """
            <parameter><valueName>casualties.killed</valueName><value>2</value></parameter>
            <parameter><valueName>casualties.injured</valueName><value>0</value></parameter>
            <parameter><valueName>attribution.actor</valueName><value>Russian Federation</value></parameter>
            <parameter><valueName>attribution.confidence</valueName><value>Possible</value></parameter>
            <parameter><valueName>source.grading</valueName><value>C3</value></parameter>
            """}
            {area ?? """
            <area>
              <areaDesc>Przewodów</areaDesc>
              <circle>50.4717,23.9336 2</circle>
              <geocode><valueName>ISO3166-1</valueName><value>PL</value></geocode>
            </area>
            """}
          </info>
        """;

    public static byte[] Bytes(string document) => Encoding.UTF8.GetBytes(document);
}
