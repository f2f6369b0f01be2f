using Alerts.Testing;
namespace Alerts.Server.Tests;

/// <summary>Server settings for tests that follow incidents through delivery: short holds, fast retries, loopback receivers allowed.</summary>
public static class PipelineSettings
{
    public static Dictionary<string, string> With(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Hold:Override"] = "00:00:02",
            ["Hold:ContestedExtension"] = "00:10:00",
            ["Delivery:AllowPrivateAddresses"] = "true",
            ["Retry:Jitter"] = "0",
            ["Retry:Schedule:0"] = "00:00:01",
            ["Retry:Schedule:1"] = "00:00:01",
            ["Verification:CompatibleCategories:0"] = "missile-impact,artillery-fire",
        };
        foreach (var (key, value) in TestRateLimits.Unreachable.Select(kv => (kv.Key, kv.Value)).Concat(extra))
        {
            settings[key] = value;
        }

        return settings;
    }
}
