namespace Alerts.Core.Domain.Areas;

/// <summary>A CAP geocode: a code (<see cref="Value"/>) in a named scheme (<see cref="ValueName"/>, e.g. ISO3166-2).</summary>
public sealed record Geocode(string ValueName, string Value);
