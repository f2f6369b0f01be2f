namespace Alerts.Core.Domain.Incidents;

/// <summary>NATO Admiralty grading: source reliability A–F and information credibility 1–6.</summary>
public sealed record SourceGrading(char Reliability, int Credibility)
{
    public override string ToString() => $"{Reliability}{Credibility}";
}
