using Alerts.Core;
using Alerts.Functions;
using Microsoft.Extensions.Hosting;

return await AlertsStartup.RunAsync(() => AlertsFunctionsApp.Build(args).RunAsync(), Console.Error);
