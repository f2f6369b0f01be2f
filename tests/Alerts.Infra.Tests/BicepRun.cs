namespace Alerts.Infra.Tests;

/// <summary>What one run of the Bicep CLI returned.</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit code {ExitCode}\n{StandardError}{StandardOutput}";
}
