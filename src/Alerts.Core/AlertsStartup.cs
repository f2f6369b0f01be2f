using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Core;

/// <summary>
/// How both hosts run: a configuration that fails validation stops the process with a message naming the setting and
/// exit code 2; a stop requested during start-up ends it cleanly, with a message and exit code 0.
/// </summary>
public static class AlertsStartup
{
    public const int InvalidConfiguration = 2;

    public static async Task<int> RunAsync(Func<Task> run, TextWriter error)
    {
        try
        {
            await run();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("Alerts cannot start, the configuration is invalid:\n  " + string.Join("\n  ", e.Failures));
            return InvalidConfiguration;
        }
        catch (StorageConfigurationException e)
        {
            await error.WriteLineAsync("Alerts cannot start: " + e.Message);
            return InvalidConfiguration;
        }
        catch (OperationCanceledException)
        {
            // Asked to stop (SIGTERM) before it had finished starting: nothing was taken on, so nothing is left undone.
            await error.WriteLineAsync("Alerts stopped while starting: nothing was taken on.");
            return 0;
        }
    }
}
