using Alerts.Api;
using Alerts.Core;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddAlertsCore(builder.Configuration).AddAlertsApi();
builder.Build().Run();
