using Alerts.Core.Domain.Cap;
using Alerts.Core.Domain.Incidents;
using System.Xml.Linq;
using Alerts.Core.Domain.Validation;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// CAP 1.2 intake: read safely and check against the official schema, map onto a report (<see cref="CapReportMapper"/>),
/// validate it with the same rules as a JSON report, then into the same pipeline — an Alert through intake (its
/// <c>sender,identifier</c> the report id), an Update or Cancel as the reporter's follow-up to the report its references
/// name. Every problem names the CAP element it is about; a refused document stores nothing.
/// </summary>
public sealed class CapIntake(ReportValidator validator, IntakeHandler intake, FollowUpHandler followUps, Storage.IntakeIndex index)
{
    public async Task<CapIntakeResult> SubmitAsync(string reporterId, SourceGrading? grading, ReadOnlyMemory<byte> document, CancellationToken cancellationToken)
    {
        var read = CapDocumentReader.Read(document);
        if (!read.IsValid)
        {
            return CapIntakeResult.Invalid(read.Errors, "The document is not a valid CAP 1.2 alert");
        }

        var submission = CapReportMapper.Map(read.Document!);
        if (submission.Errors.Count > 0)
        {
            return CapIntakeResult.Invalid(submission.Errors, "The CAP alert cannot be taken as a report");
        }

        ValidatedReport? report = null;
        if (submission.Report is { } mapped)
        {
            var validation = validator.Validate(mapped, checkEventTime: submission.Intent == CapIntent.Report);
            if (!validation.IsValid)
            {
                return CapIntakeResult.Invalid(ByElement(submission, validation.Errors), "The report in the CAP alert has invalid fields");
            }

            var facts = validation.Report!.Facts;
            report = new ValidatedReport(submission.ReportId, facts.Source is null && grading is not null ? facts with { Source = grading } : facts);
        }

        var referenced = submission.References.Select(r => CapReportKey.Of(r.Sender, r.Identifier)).ToList();
        switch (submission.Intent)
        {
            case CapIntent.Report:
                var result = await intake.SubmitAsync(reporterId, report!, cancellationToken, grading);
                await index.RememberAsync(reporterId, report!.ReportId, result.Incident.Id, cancellationToken);
                return new CapIntakeResult(result);
            case CapIntent.Amendment:
                return Followed(await followUps.AmendAsync(reporterId, report!, referenced, cancellationToken), "amend");
            default:
                var country = read.Document!.Root!.Descendants(XName.Get("geocode", CapNames.Namespace))
                    .Select(g => CapGeocodes.CountryOf(g.Element(XName.Get("valueName", CapNames.Namespace))?.Value ?? string.Empty, g.Element(XName.Get("value", CapNames.Namespace))?.Value ?? string.Empty))
                    .FirstOrDefault(c => c is not null);
                return Followed(await followUps.WithdrawAsync(reporterId, submission.ReportId, referenced, country, cancellationToken), "withdraw");
        }
    }

    private static CapIntakeResult Followed(FollowUpResult followed, string verb) => followed.Status switch
    {
        FollowUpStatus.Done => new CapIntakeResult(followed.Result),
        FollowUpStatus.Final => new CapIntakeResult(null, Problem: $"The incident is {followed.Result!.Incident.Status.ToString().ToLowerInvariant()}: there is nothing left to {verb}."),
        _ => CapIntakeResult.Invalid(
            new Dictionary<string, string[]> { ["alert/references"] = [$"names no message this service took from you: an Update or Cancel must refer to your own earlier Alert (sender,identifier,sent) to {verb} its report."] },
            "The CAP alert refers to nothing known"),
    };

    /// <summary>The validator's errors, keyed by the element each field came from.</summary>
    private static Dictionary<string, string[]> ByElement(CapSubmission submission, IReadOnlyDictionary<string, string[]> errors)
    {
        var byElement = new FieldErrors();
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                byElement.Add(submission.ElementOf(field), $"({field}) {message}");
            }
        }

        return byElement.ToDictionary();
    }
}
