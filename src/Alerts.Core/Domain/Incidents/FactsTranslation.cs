namespace Alerts.Core.Domain.Incidents;

/// <summary>The summary and details in another language (a further CAP <c>info</c> block); the facts' own text is the primary.</summary>
public sealed record FactsTranslation(string Language, string Summary, string? Details);
