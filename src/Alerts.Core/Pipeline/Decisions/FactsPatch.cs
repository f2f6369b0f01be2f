using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Validation;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Pipeline.Intake;

namespace Alerts.Core.Pipeline.Decisions;

/// <summary>An analyst's JSON merge patch (RFC 7396) of an incident's facts, checked by the same rules as a report.</summary>
public sealed class FactsPatch(ReportValidator validator)
{
    /// <summary>The patched facts, or what is wrong with them, field by field.</summary>
    public (IncidentFacts? Facts, IReadOnlyDictionary<string, string[]> Errors) Apply(IncidentFacts current, JsonNode patch)
    {
        if (patch is not JsonObject)
        {
            return (null, new Dictionary<string, string[]> { ["$"] = ["must be a JSON object (a merge patch of the incident's facts)."] });
        }

        var merged = MergePatch.Apply(JsonSerializer.SerializeToNode(current, AlertsJson.Options), patch)!.AsObject();
        merged["reportId"] = "amendment";
        IncidentReport? report;
        try
        {
            report = merged.Deserialize<IncidentReport>(AlertsJson.Options);
        }
        catch (JsonException e)
        {
            var (field, message) = JsonFieldError.From(e);
            return (null, new Dictionary<string, string[]> { [field] = [message] });
        }

        var result = validator.Validate(report!, checkEventTime: false);
        return result.IsValid
            ? (TranslationRule.AfterAmendment(current, result.Report!.Facts, patch.AsObject().ContainsKey("translations")), new Dictionary<string, string[]>())
            : (null, result.Errors);
    }
}
