using Alerts.Core;
using Alerts.Server;

return await AlertsStartup.RunAsync(() => AlertsServer.Build(args).RunAsync(), Console.Error);
