using System.Xml.Linq;

namespace Alerts.Core.Domain.Cap;

/// <summary>A CAP 1.2 document that passed the schema, or what is wrong with it, element by element.</summary>
public sealed record CapReadResult(XDocument? Document, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Document is not null;
}
