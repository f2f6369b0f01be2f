using System.Reflection;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Pipeline;

/// <summary>Registers every stage <see cref="PipelineStages"/> declares: its handler and, for a queued stage, its queue and dispatcher.</summary>
public static class PipelineServiceCollectionExtensions
{
    private static readonly MethodInfo AddQueuedMethod =
        typeof(PipelineServiceCollectionExtensions).GetMethod(nameof(AddQueued), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static IServiceCollection AddPipelineStages(this IServiceCollection services)
    {
        services.AddSingleton(PipelineStages.StorageLayout);
        foreach (var stage in PipelineStages.All)
        {
            if (stage.Trigger == StageTrigger.Queue)
            {
                AddQueuedMethod.MakeGenericMethod(stage.MessageType!, stage.HandlerType).Invoke(null, [services, stage]);
            }
            else
            {
                services.AddSingleton(stage.HandlerType);
            }
        }

        return services;
    }

    private static void AddQueued<TMessage, THandler>(IServiceCollection services, Stage stage)
        where TMessage : class
        where THandler : class, IStageHandler<TMessage>
    {
        services.AddSingleton(sp => new StageQueue<TMessage>(
            new PipelineQueue(stage.Queue!, stage.Policy!, sp.GetRequiredService<StorageConnection>()), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<THandler>();
        services.AddSingleton<IStageHandler<TMessage>>(sp => sp.GetRequiredService<THandler>());
        services.AddSingleton<StageDispatcher<TMessage>>();
        services.AddSingleton<IQueueMessageHandler>(sp => sp.GetRequiredService<StageDispatcher<TMessage>>());
        services.AddSingleton(sp => new PipelineQueue(stage.Queue!, stage.Policy!, sp.GetRequiredService<StorageConnection>()));
    }
}
