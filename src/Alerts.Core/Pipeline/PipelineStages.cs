using Alerts.Core.Pipeline.Decisions;
using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Pipeline.Fanout;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Queues;
using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline;

/// <summary>
/// The alert pipeline, written down once. A report comes in (intake) and its incident is held; analysts decide during
/// the hold; when it ends the incident is released (or the sweep releases it when its message was lost); fan-out finds
/// who must be told and delivery tells them, retrying on its schedule. Each line says what starts the stage, its handler,
/// and where it hands work on to; queued stages also name their queue, message and the policy of every send to it.
/// Both hosts take their queue triggers, listeners and timer from here (<see cref="PipelineServiceCollectionExtensions"/>).
/// </summary>
public static class PipelineStages
{
    public const string ReleaseQueue = "incident-release";
    public const string FanoutQueue = "alert-fanout";
    public const string DeliveryQueue = "alert-delivery";

    /// <summary>The Functions timer's NCRONTAB schedule of the sweep; the standalone server sweeps at the same interval.</summary>
    public const string SweepSchedule = ReleaseSweep.Schedule;

    public static Stage Intake { get; } = Stage.Http<IntakeHandler>("intake", HandOff.Later(ReleaseQueue), HandOff.At(FanoutQueue));

    public static Stage Decisions { get; } = Stage.Http<AnalystDecisions>("analyst decisions", HandOff.Later(ReleaseQueue), HandOff.At(FanoutQueue));

    public static Stage Release { get; } = Stage.Queued<ReleaseMessage, ReleaseHandler>(
        "release", ReleaseQueue, QueuePolicy.NeverExpires, HandOff.At(FanoutQueue), HandOff.Later(ReleaseQueue));

    public static Stage Sweep { get; } = Stage.Timer<ReleaseSweep>("release sweep", SweepSchedule, HandOff.At(FanoutQueue));

    public static Stage Fanout { get; } = Stage.Queued<FanoutMessage, FanoutHandler>(
        "fan-out", FanoutQueue, QueuePolicy.NeverExpires, HandOff.At(FanoutQueue), HandOff.At(DeliveryQueue));

    public static Stage Delivery { get; } = Stage.Queued<DeliveryMessage, DeliveryHandler>(
        "delivery", DeliveryQueue, QueuePolicy.NeverExpires, HandOff.Later(DeliveryQueue));

    public static Stage Redelivery { get; } = Stage.Http<Redelivery>("redelivery", HandOff.At(DeliveryQueue));

    /// <summary>Every stage, in the order work flows through them.</summary>
    public static IReadOnlyList<Stage> All { get; } = [Intake, Decisions, Release, Sweep, Fanout, Delivery, Redelivery];

    /// <summary>The stages fed by a queue.</summary>
    public static IReadOnlyList<Stage> Queued { get; } = All.Where(s => s.Trigger == StageTrigger.Queue).ToList();

    /// <summary>Every queue the pipeline uses, with its poison queue.</summary>
    public static IReadOnlyList<string> QueuesWithPoison { get; } =
        Queued.SelectMany(s => new[] { s.Queue!, PipelineQueue.PoisonOf(s.Queue!) }).ToList();

    /// <summary>What the service keeps in storage: its tables, and these queues.</summary>
    public static StorageLayout StorageLayout { get; } = new(TableNames.All, QueuesWithPoison);
}
