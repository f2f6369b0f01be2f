using System.Xml;
using System.Xml.Schema;

namespace Alerts.Core.Domain.Cap;

/// <summary>The official OASIS CAP 1.2 XML schema (cap12.xsd, embedded), compiled once.</summary>
public static class CapSchema
{
    private static readonly Lazy<XmlSchemaSet> Compiled = new(Load);

    public static XmlSchemaSet Set => Compiled.Value;

    private static XmlSchemaSet Load()
    {
        using var stream = typeof(CapSchema).Assembly.GetManifestResourceStream("Alerts.Core.Domain.Cap.cap12.xsd")
            ?? throw new InvalidOperationException("cap12.xsd is not embedded in Alerts.Core.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(CapNames.Namespace, reader);
        set.Compile();
        return set;
    }
}
