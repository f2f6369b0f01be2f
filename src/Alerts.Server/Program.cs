using Alerts.Core.Storage;
using Alerts.Server;
using Microsoft.Extensions.Options;

try
{
    await AlertsServer.Build(args).RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync("Alerts cannot start, the configuration is invalid:\n  " + string.Join("\n  ", e.Failures));
    return 2;
}
catch (StorageConfigurationException e)
{
    await Console.Error.WriteLineAsync("Alerts cannot start: " + e.Message);
    return 2;
}
