using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// What the correlator found for a report: the open incident it describes, if any (<see cref="Incident"/> is null
/// when that incident is filed but not written yet); the area a new incident for it would be filed in; and the area
/// rows it read, which must be unchanged when that new incident is filed.
/// </summary>
public sealed record Correlation(string? IncidentId, Incident? Incident, CorrelationArea Home, IReadOnlyList<AreaRow> Around, DateTimeOffset OpenSince);
