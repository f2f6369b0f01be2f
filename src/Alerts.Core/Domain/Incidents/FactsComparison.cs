using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alerts.Core.Domain.Incidents;

/// <summary>Which facts differ between two versions, by their JSON names (an amendment's timeline entry lists them).</summary>
public static class FactsComparison
{
    public static List<string> ChangedFields(IncidentFacts before, IncidentFacts after)
    {
        var a = JsonSerializer.SerializeToNode(before, AlertsJson.Options)!.AsObject();
        var b = JsonSerializer.SerializeToNode(after, AlertsJson.Options)!.AsObject();
        return a.Select(p => p.Key).Union(b.Select(p => p.Key))
            .Where(k => !JsonNode.DeepEquals(a[k], b[k]))
            .ToList();
    }

    /// <summary>The changed facts with their new values, in one line of at most <paramref name="max"/> characters.</summary>
    public static string Describe(IncidentFacts before, IncidentFacts after, int max = 1000)
    {
        var b = JsonSerializer.SerializeToNode(after, AlertsJson.Options)!.AsObject();
        var text = string.Join("; ", ChangedFields(before, after).Select(k => $"{k} {b[k]?.ToJsonString(AlertsJson.Options) ?? "removed"}"));
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}
