namespace Alerts.Core.Domain.Deliveries;

/// <summary>Randomness for retry jitter, injected so that tests are exact.</summary>
public interface IJitterSource
{
    /// <summary>A number in [0, 1).</summary>
    double Next();
}
