using Alerts.Core.Queues;

namespace Alerts.Core.Pipeline;

/// <summary>
/// One stage of the pipeline as <see cref="PipelineStages"/> declares it: what starts it, the handler that does its work,
/// and the queues it hands work on to; for a queued stage, its queue, its message type and the policy of every send to
/// it; for a timer, its NCRONTAB schedule.
/// </summary>
public sealed record Stage(
    string Name,
    StageTrigger Trigger,
    Type HandlerType,
    IReadOnlyList<HandOff> HandsOnTo,
    string? Queue = null,
    Type? MessageType = null,
    QueuePolicy? Policy = null,
    string? Schedule = null)
{
    public static Stage Http<THandler>(string name, params HandOff[] handsOnTo) =>
        new(name, StageTrigger.Http, typeof(THandler), handsOnTo);

    public static Stage Queued<TMessage, THandler>(string name, string queue, QueuePolicy policy, params HandOff[] handsOnTo)
        where TMessage : class
        where THandler : IStageHandler<TMessage> =>
        new(name, StageTrigger.Queue, typeof(THandler), handsOnTo, queue, typeof(TMessage), policy);

    public static Stage Timer<THandler>(string name, string schedule, params HandOff[] handsOnTo) =>
        new(name, StageTrigger.Timer, typeof(THandler), handsOnTo, Schedule: schedule);

    /// <summary>The queues whose listeners a finished message of this stage wakes at once.</summary>
    public IReadOnlyList<string> WakesAtOnce => HandsOnTo.Where(h => h.Now).Select(h => h.Queue).Distinct().ToList();
}
