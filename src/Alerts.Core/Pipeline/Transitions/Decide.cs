using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Pipeline.Transitions;

/// <summary>Makes <see cref="Decision{TResult}"/>s.</summary>
public static class Decide
{
    /// <summary>Write this change; once written, the result is <paramref name="result"/>.</summary>
    public static Decision<TResult> Write<TResult>(IncidentChange change, TResult result) => new(change, result);

    /// <summary>Nothing to write; the result is <paramref name="result"/>.</summary>
    public static Decision<TResult> Answer<TResult>(TResult result) => new(null, result);
}
