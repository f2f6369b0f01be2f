using Alerts.Core.Domain.Cap;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Alerts.Api;

/// <summary>Content negotiation for the one route with two representations (an incident as JSON or as CAP).</summary>
public static class AcceptHeader
{
    /// <summary>True when Accept asks for application/cap+xml at least as much as for JSON (which stays the default).</summary>
    public static bool PrefersCap(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.Select(v => v ?? string.Empty).ToList(), out var accepted) || accepted is null)
        {
            return false;
        }

        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var cap = Quality(CapNames.MediaType);
        return cap > 0 && cap >= Quality("application/json");
    }
}
