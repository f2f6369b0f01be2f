using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Core;

/// <summary>How both hosts run: a configuration that fails validation stops the process with a message naming the setting and exit code 2.</summary>
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
    }
}
