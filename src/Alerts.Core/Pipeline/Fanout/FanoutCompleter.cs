using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline.Fanout;

/// <summary>
/// When the last page of a public notice's fan-out is done, starts the fan-out of the newest public notice issued
/// meanwhile, or marks the incident's fan-out idle. Sequential fan-outs keep the recipient ledger complete before a
/// correction reads it, so a correction reaches everyone its predecessor reached.
/// </summary>
public sealed class FanoutCompleter(IncidentStore incidents, FanoutStarter starter)
{
    public async Task CompleteAsync(string incidentId, int notice, CancellationToken cancellationToken)
    {
        while (true)
        {
            var incident = await incidents.FindAsync(incidentId, cancellationToken);
            if (incident is null || incident.FanoutNotice != notice || incident.FanoutDone)
            {
                return;
            }

            var next = incident.LastPublicNotice > notice
                ? incident with { FanoutNotice = incident.LastPublicNotice, FanoutPending = true }
                : incident with { FanoutDone = true };
            if (await incidents.TryUpdateAsync(incident, next, [], cancellationToken))
            {
                if (next.FanoutPending)
                {
                    await starter.StartAsync(incidentId, next.FanoutNotice, cancellationToken);
                }

                return;
            }
        }
    }
}
