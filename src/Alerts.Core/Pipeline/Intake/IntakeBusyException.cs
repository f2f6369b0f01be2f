namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// A report could not be filed because other reports of events in the same area kept arriving at the same instant.
/// Nothing of it was stored; sending it again is safe.
/// </summary>
public sealed class IntakeBusyException(string message) : Exception(message);
