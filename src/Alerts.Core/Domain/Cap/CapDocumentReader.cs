using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Alerts.Core.Domain.Validation;

namespace Alerts.Core.Domain.Cap;

/// <summary>
/// Reads a CAP 1.2 document safely and checks it against the official schema. Hostile XML is refused without harm:
/// no DTD (so no external entities and no entity expansion), no resolver (nothing is fetched), no processing
/// instructions acted on, nesting capped at <see cref="MaxDepth"/>, bytes that are not valid in the document's
/// encoding refused. The caller has already capped the size. Every problem names the element it is about.
/// </summary>
public static class CapDocumentReader
{
    /// <summary>CAP needs five levels (alert/info/area/geocode/value); an XML signature a few more.</summary>
    public const int MaxDepth = 12;

    private const string Document = "$";

    public static CapReadResult Read(ReadOnlyMemory<byte> bytes)
    {
        var errors = new FieldErrors();
        var path = new List<(string Step, Dictionary<string, int> Children)>();
        var settings = Settings();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = CapSchema.Set;
        settings.ValidationEventHandler += (sender, e) => errors.Add(Where((XmlReader)sender!, path), Plain(e.Message));
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.Depth >= MaxDepth)
                    {
                        errors.Add(Document, $"nests elements deeper than {MaxDepth} levels; a CAP alert needs five.");
                        break;
                    }

                    if (reader.Depth == 0 && (reader.LocalName != "alert" || reader.NamespaceURI != CapNames.Namespace))
                    {
                        errors.Add(Document, $"must be a CAP 1.2 <alert> in namespace {CapNames.Namespace} (was <{reader.LocalName}> in '{reader.NamespaceURI}').");
                        break;
                    }

                    var step = Enter(reader, path);
                    if (!reader.IsEmptyElement)
                    {
                        path.Add((step, new Dictionary<string, int>(StringComparer.Ordinal)));
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && path.Count > 0)
                {
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
        catch (XmlException e)
        {
            errors.Add(Document, Refusal(e));
        }

        if (errors.Count > 0)
        {
            return new CapReadResult(null, errors.ToDictionary());
        }

        // Valid: read again into a tree, as safely, without the schema.
        using var again = XmlReader.Create(new MemoryStream(bytes.ToArray(), writable: false), Settings());
        return new CapReadResult(XDocument.Load(again), new Dictionary<string, string[]>());
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>The step for the element the reader is on, counted among its siblings.</summary>
    private static string Enter(XmlReader reader, List<(string Step, Dictionary<string, int> Children)> path)
    {
        if (path.Count == 0)
        {
            return reader.LocalName;
        }

        var siblings = path[^1].Children;
        var position = siblings.GetValueOrDefault(reader.LocalName) + 1;
        siblings[reader.LocalName] = position;
        return CapPath.Step(reader.LocalName, position);
    }

    /// <summary>A problem found on a start tag is about that element; anywhere else, about the element being read.</summary>
    private static string Where(XmlReader reader, List<(string Step, Dictionary<string, int> Children)> path)
    {
        var steps = path.Select(p => p.Step).ToList();
        if (reader.NodeType == XmlNodeType.Element)
        {
            steps.Add(path.Count == 0 ? reader.LocalName : CapPath.Step(reader.LocalName, path[^1].Children.GetValueOrDefault(reader.LocalName) + 1));
        }

        return steps.Count == 0 ? Document : string.Join('/', steps);
    }

    private static string Refusal(XmlException e) => e.Message switch
    {
        var m when m.Contains("DTD", StringComparison.OrdinalIgnoreCase) =>
            $"declares a DTD (line {e.LineNumber}); DTDs and entities are not accepted, so nothing in a document can reach outside it.",
        var m when m.Contains("encoding", StringComparison.OrdinalIgnoreCase) || m.Contains("character", StringComparison.OrdinalIgnoreCase) =>
            $"has bytes that are not valid text in its encoding, or an encoding this service does not read (send UTF-8): {Plain(e.Message)}",
        _ => $"is not well-formed XML: {Plain(e.Message)}",
    };

    /// <summary>Schema messages name elements with their namespace; within a CAP document that is noise.</summary>
    private static string Plain(string message) => message
        .Replace($" in namespace '{CapNames.Namespace}'", string.Empty, StringComparison.Ordinal)
        .Replace(CapNames.Namespace + ":", string.Empty, StringComparison.Ordinal);
}
