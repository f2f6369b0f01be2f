using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Testing;

/// <summary>A fresh account, the core services on a fake clock, and one incident held by the real intake (report r-1 of reporter-a).</summary>
public sealed record HeldIncident(StorageAccount Account, ServiceProvider Services, FakeTimeProvider Time, Incident Incident)
{
    public static async Task<HeldIncident> CreateAsync(DateTimeOffset now)
    {
        var account = await StorageAccount.CreateAsync();
        var time = new FakeTimeProvider(now);
        var services = CoreServices.Create(account, time);
        var report = services.GetRequiredService<ReportValidator>().Validate(SampleReports.Przewodow("r-1", now.AddMinutes(-1))).Report!;
        var result = await services.GetRequiredService<IntakeHandler>().SubmitAsync("reporter-a", report, CancellationToken.None);
        return new HeldIncident(account, services, time, result.Incident);
    }
}
