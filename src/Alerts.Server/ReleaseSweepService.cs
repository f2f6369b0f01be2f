using Alerts.Core.Pipeline.Release;
using Microsoft.Extensions.Options;

namespace Alerts.Server;

/// <summary>Runs the release sweep on a timer, as the Functions app's timer trigger does.</summary>
public sealed partial class ReleaseSweepService(
    ReleaseSweep sweep,
    IOptions<ReleaseSweepOptions> options,
    TimeProvider time,
    ILogger<ReleaseSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await sweep.RunAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSweepFailed(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Release sweep failed; it will run again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
