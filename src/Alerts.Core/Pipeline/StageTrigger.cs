namespace Alerts.Core.Pipeline;

/// <summary>What starts a stage's work.</summary>
public enum StageTrigger
{
    /// <summary>A request to the HTTP API.</summary>
    Http,

    /// <summary>A message on the stage's own queue.</summary>
    Queue,

    /// <summary>A timer.</summary>
    Timer,
}
