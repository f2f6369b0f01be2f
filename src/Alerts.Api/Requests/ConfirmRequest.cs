namespace Alerts.Api.Requests;

/// <summary>Body of <c>POST /api/incidents/{id}/confirm</c> (optional).</summary>
public sealed class ConfirmRequest
{
    public string? Reason { get; set; }
}
