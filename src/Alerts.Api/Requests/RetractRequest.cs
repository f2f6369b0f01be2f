namespace Alerts.Api.Requests;

/// <summary>Body of <c>POST /api/incidents/{id}/retract</c>.</summary>
public sealed class RetractRequest
{
    public string? Reason { get; set; }
}
