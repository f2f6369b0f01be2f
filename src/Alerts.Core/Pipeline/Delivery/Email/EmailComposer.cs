using System.Globalization;
using System.Text;
using Alerts.Core.Domain.Cap;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alerts.Core.Pipeline.Delivery.Email;

/// <summary>
/// Writes the email a duty officer receives for one notice: a glanceable subject, then every fact in text and HTML; a
/// public notice carries its CAP 1.2 alert as an attachment, for systems that read the mailbox.
/// </summary>
public sealed class EmailComposer(IOptions<EmailOptions> options, IOptions<LinkOptions> links, TimeProvider timeProvider)
{
    public const string IncidentHeader = "X-Alerts-Incident";
    public const string VersionHeader = "X-Alerts-Version";
    public const string TypeHeader = "X-Alerts-Type";

    private readonly MailboxAddress from = MailboxAddress.Parse(options.Value.From);

    public MimeMessage Compose(AlertNotice notice, MailboxAddress recipient, string deliveryId)
    {
        var message = new MimeMessage
        {
            Subject = Subject(notice),
            MessageId = MessageIdFor(deliveryId),
            Date = timeProvider.GetUtcNow(),
        };
        message.From.Add(from.Clone());
        message.To.Add(recipient);
        message.Headers.Add(IncidentHeader, notice.IncidentId);
        message.Headers.Add(VersionHeader, notice.Version.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add(TypeHeader, notice.Type);

        // RFC 3834: tells mail servers and clients not to send vacation or other automatic replies to a robot.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (notice.Type != NoticeTypes.Cancel && notice.Facts.Severity >= Severity.Severe)
        {
            message.Importance = MessageImportance.High;
        }

        var rows = Rows(notice);
        var body = new BodyBuilder { TextBody = TextBody(notice, rows), HtmlBody = HtmlBody(notice, rows) };
        if (notice.Type != NoticeTypes.Review)
        {
            body.Attachments.Add(CapFileName(notice), CapAlertWriter.Serialize(notice, links.Value.CapSender()), new ContentType("application", "cap+xml"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The attachment's name: the CAP identifier of the notice, as a file.</summary>
    public static string CapFileName(AlertNotice notice) => $"{CapAlertWriter.Identifier(notice.IncidentId, notice.Number)}.cap.xml";

    /// <summary>
    /// The Message-Id (without angle brackets) for a delivery, so that every retry of one delivery carries the same id
    /// and receiving systems can drop duplicates.
    /// </summary>
    public static string MessageIdFor(string deliveryId)
    {
        var id = new StringBuilder(deliveryId.Length);
        foreach (var c in deliveryId)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '=' or '+' ? c : '-');
        }

        return $"{id.ToString().Trim('.')}@alerts";
    }

    /// <summary>E.g. <c>[ALERT] EXTREME missile-impact — Przewodów, PL</c>.</summary>
    public static string Subject(AlertNotice notice)
    {
        var facts = notice.Facts;
        var tag = notice.Type switch
        {
            NoticeTypes.Alert => "[ALERT]",
            NoticeTypes.Update => $"[UPDATE v{notice.Version}]",
            NoticeTypes.Cancel => "[CANCEL]",
            NoticeTypes.Review => "[REVIEW NEEDED]",
            _ => $"[NOTICE v{notice.Version}]",
        };
        var severity = facts.Severity.ToString().ToUpperInvariant();
        var exercise = facts.Exercise ? "[EXERCISE] " : string.Empty;
        return OneLine($"{exercise}{tag} {severity} {facts.Category} — {facts.Location.Place}, {facts.Location.Country}");
    }

    private static string Lead(AlertNotice notice) => notice.Type switch
    {
        NoticeTypes.Alert => "New incident alert.",
        NoticeTypes.Update => notice.References is { } replaced
            ? $"Update: version {notice.Version} corrects version {replaced} of this incident."
            : $"Update: version {notice.Version} of this incident.",
        NoticeTypes.Cancel => "CANCELLED: this incident has been withdrawn. Disregard earlier alerts about it.",
        NoticeTypes.Review => "For duty analysts: this held incident needs a decision (confirm, amend, extend or retract). Subscribers have not been told.",
        _ => $"Notice ({notice.Type}).",
    };

    private static List<(string Label, string Value)> Rows(AlertNotice notice)
    {
        var f = notice.Facts;
        var l = f.Location;
        var rows = new List<(string, string)>
        {
            ("What", f.Category),
            ("Where", string.Create(CultureInfo.InvariantCulture, $"{l.Place}, {l.Country} ({l.Lat:0.#####}, {l.Lon:0.#####})")),
            ("When", f.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
            ("Severity", f.Severity.ToString()),
            ("Certainty", f.Certainty.ToString()),
            ("Urgency", f.Urgency.ToString()),
            ("Casualties", Casualties(f.Casualties)),
            ("Attribution", f.Attribution is { } a ? $"{a.Actor} (confidence: {a.Confidence})" : "not reported"),
            ("Source grading", f.Source is { } s ? $"{s} (source reliability {s.Reliability}, information credibility {s.Credibility})" : "not graded"),
            ("Version", notice.References is { } replaced ? $"{notice.Version} (replaces version {replaced})" : notice.Version.ToString(CultureInfo.InvariantCulture)),
            ("Incident", notice.IncidentId),
            ("Issued", notice.IssuedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
        };
        return rows;
    }

    private static string Casualties(Casualties? c)
    {
        if (c is null)
        {
            return "not reported";
        }

        static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        return $"{Count(c.Killed)} killed, {Count(c.Injured)} injured";
    }

    private static string TextBody(AlertNotice notice, List<(string Label, string Value)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(Subject(notice)).AppendLine();
        text.AppendLine(Lead(notice)).AppendLine();
        var width = rows.Max(r => r.Label.Length) + 2;
        foreach (var (label, value) in rows)
        {
            text.Append((label + ":").PadRight(width)).AppendLine(value);
        }

        text.AppendLine().AppendLine("Summary:").AppendLine(notice.Facts.Summary);
        if (!string.IsNullOrWhiteSpace(notice.Facts.Details))
        {
            text.AppendLine().AppendLine("Details:").AppendLine(notice.Facts.Details);
        }

        text.AppendLine().Append("Full incident: ").AppendLine(notice.IncidentUrl);
        return text.ToString();
    }

    private static string HtmlBody(AlertNotice notice, List<(string Label, string Value)> rows)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(E(Subject(notice))).Append("</title></head>\n");
        html.Append("<body style=\"font-family:sans-serif\">\n");
        html.Append("<p style=\"font-size:1.15em\"><strong>").Append(E(Lead(notice))).Append("</strong></p>\n");
        html.Append("<table cellpadding=\"4\" style=\"border-collapse:collapse\">\n");
        foreach (var (label, value) in rows)
        {
            html.Append("<tr><th align=\"left\" valign=\"top\">").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        html.Append("<h3>Summary</h3>\n<p style=\"white-space:pre-wrap\">").Append(E(notice.Facts.Summary)).Append("</p>\n");
        if (!string.IsNullOrWhiteSpace(notice.Facts.Details))
        {
            html.Append("<h3>Details</h3>\n<p style=\"white-space:pre-wrap\">").Append(E(notice.Facts.Details)).Append("</p>\n");
        }

        // Only http(s) links become anchors: a javascript: or data: URL must never be one click away.
        if (Uri.TryCreate(notice.IncidentUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            html.Append("<p><a href=\"").Append(E(notice.IncidentUrl)).Append("\">Open the incident</a>: ").Append(E(notice.IncidentUrl)).Append("</p>\n");
        }
        else
        {
            html.Append("<p>Incident: ").Append(E(notice.IncidentUrl)).Append("</p>\n");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>
    /// Escapes the five characters that matter in HTML text and quoted attributes. WebUtility.HtmlEncode would also turn
    /// every accented letter into a numeric entity, which makes place names unreadable in the source of the message.
    /// </summary>
    private static string E(string? value)
    {
        var encoded = new StringBuilder(value?.Length ?? 0);
        foreach (var c in value ?? string.Empty)
        {
            _ = c switch
            {
                '&' => encoded.Append("&amp;"),
                '<' => encoded.Append("&lt;"),
                '>' => encoded.Append("&gt;"),
                '"' => encoded.Append("&quot;"),
                '\'' => encoded.Append("&#39;"),
                _ => encoded.Append(c),
            };
        }

        return encoded.ToString();
    }

    private static string OneLine(string value)
    {
        var line = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        return line.ToString();
    }
}
