namespace Alerts.Core.Domain.Incidents;

/// <summary>What a filed report is: a report of the event, or a follow-up by the same reporter (CAP Update, Cancel).</summary>
public static class ReportKinds
{
    public const string Report = "report";
    public const string Amendment = "amendment";
    public const string Withdrawal = "withdrawal";
}
