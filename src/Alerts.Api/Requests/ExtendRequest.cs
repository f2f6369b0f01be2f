namespace Alerts.Api.Requests;

/// <summary>Body of <c>POST /api/incidents/{id}/extend</c>: a new hold end, or how much longer ("00:10:00").</summary>
public sealed class ExtendRequest
{
    public DateTimeOffset? Until { get; set; }

    public TimeSpan? By { get; set; }

    public string? Reason { get; set; }
}
