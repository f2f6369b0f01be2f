using Alerts.Api.Views;
using Alerts.Core.Domain;
using Alerts.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>GET /api/me: who the X-Api-Key belongs to (any role, a feed key too) and what it may do; how a client checks a key at sign-in.</summary>
public sealed class CallerEndpoint(EndpointGate gate)
{
    public Task<IResult> Describe(HttpRequest request) =>
        gate.RunAsync(request, Enum.GetValues<ApiRole>(), caller => Task.FromResult(Results.Json(CallerView.From(caller, Roles.AbilitiesOf(caller.Role)), AlertsJson.Options)));
}
