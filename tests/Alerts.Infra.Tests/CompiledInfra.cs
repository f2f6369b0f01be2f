using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Testing;

namespace Alerts.Infra.Tests;

/// <summary>
/// infra/ compiled once for all the tests in <see cref="InfraCollection"/>: every Bicep file built to ARM JSON with the
/// restored Bicep CLI, and the function app's settings evaluated from infra/app/settings.bicep with sample inputs.
/// </summary>
public sealed class CompiledInfra : IDisposable
{
    public const string IdentityClientId = "5f8a3c2e-1d4b-4e6f-9a7c-0b1d2e3f4a5b";
    public const string PublicBaseUrl = "https://func-alerts-probe.azurewebsites.net";
    public const string BlobServiceUri = "https://stalertsprobe.blob.core.windows.net/";
    public const string QueueServiceUri = "https://stalertsprobe.queue.core.windows.net/";
    public const string TableServiceUri = "https://stalertsprobe.table.core.windows.net/";

    /// <summary>The sample keys; only the reporter carries a default grading, as in a real deployment.</summary>
    public static readonly (string Key, string Role, string Name, string? Grading)[] ApiKeys =
    [
        ("probe-reporter-key-0001", "reporter", "border-guard", "B2"),
        ("probe-analyst-key-0002", "analyst", "duty-analyst", null),
        ("probe-admin-key-0003", "admin", "operations", null),
    ];

    private readonly string output;
    private readonly Lazy<IReadOnlyDictionary<string, string>> appSettings;

    public CompiledInfra()
    {
        output = Directory.CreateTempSubdirectory("alerts-infra-").FullName;
        InfraDirectory = System.IO.Path.Combine(RepositoryRoot.Path, "infra");
        BicepFiles = Directory.EnumerateFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(InfraDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Build = BicepCli.Run(RepositoryRoot.Path, "build", "--pattern", "infra/**/*.bicep", "--outdir", System.IO.Path.Combine(output, "arm"));
        appSettings = new Lazy<IReadOnlyDictionary<string, string>>(EvaluateAppSettings);
    }

    public string InfraDirectory { get; }

    /// <summary>Every .bicep file under infra/, relative to it.</summary>
    public IReadOnlyList<string> BicepFiles { get; }

    /// <summary>The one <c>bicep build</c> of every file.</summary>
    public BicepRun Build { get; }

    /// <summary>The settings <c>alertsAppSettings</c> writes for the sample inputs and main.bicep's default holds, verification policy and retries.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => appSettings.Value;

    /// <summary>The ARM JSON compiled from <paramref name="bicepFile"/> (relative to infra/).</summary>
    public JsonNode Template(string bicepFile)
    {
        var path = System.IO.Path.Combine(output, "arm", System.IO.Path.ChangeExtension(bicepFile, ".json"));
        Assert.True(File.Exists(path), $"bicep build wrote no {path}: {Build}");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    /// <summary>A resource of a languageVersion 2.0 template, found by symbolic name, looking into nested deployments (modules).</summary>
    public static JsonNode Resource(JsonNode template, params string[] symbolicNames)
    {
        var node = template;
        for (var i = 0; i < symbolicNames.Length; i++)
        {
            node = node["resources"]?[symbolicNames[i]] ?? throw new KeyNotFoundException($"No resource '{symbolicNames[i]}' in the template.");
            if (i < symbolicNames.Length - 1)
            {
                node = node["properties"]!["template"]!;
            }
        }

        return node;
    }

    /// <summary>The resources a module of <paramref name="template"/> deploys, whether its template lists them (languageVersion 1) or names them (2.0).</summary>
    public static IEnumerable<JsonNode> ModuleResources(JsonNode template, string module)
    {
        var resources = Resource(template, module)["properties"]!["template"]!["resources"]!;
        return resources is JsonArray list ? list.Select(r => r!) : resources.AsObject().Select(r => r.Value!);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(output, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder in the temp directory; nothing depends on its removal.
        }
    }

    /// <summary>
    /// Calls the exported function the function app's settings resource is written with, through <c>bicep snapshot</c>,
    /// which evaluates a template offline. The probe imports the real infra/app/settings.bicep by relative path.
    /// </summary>
    private IReadOnlyDictionary<string, string> EvaluateAppSettings()
    {
        var main = Template("main.bicep");
        var probe = Directory.CreateDirectory(System.IO.Path.Combine(output, "probe")).FullName;
        var settingsBicep = System.IO.Path.GetRelativePath(probe, System.IO.Path.Combine(InfraDirectory, "app", "settings.bicep")).Replace('\\', '/');

        var inputs = new JsonObject
        {
            ["platform"] = new JsonObject
            {
                ["blobServiceUri"] = BlobServiceUri,
                ["queueServiceUri"] = QueueServiceUri,
                ["tableServiceUri"] = TableServiceUri,
                ["identityClientId"] = IdentityClientId,
                ["applicationInsightsConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
            },
            ["publicBaseUrl"] = PublicBaseUrl,
            ["holds"] = main["parameters"]!["holdBySeverity"]!["defaultValue"]!.DeepClone(),
            ["adjustments"] = main["parameters"]!["holdAdjustments"]!["defaultValue"]!.DeepClone(),
            ["verification"] = main["parameters"]!["verification"]!["defaultValue"]!.DeepClone(),
            ["retrySchedule"] = main["parameters"]!["retrySchedule"]!["defaultValue"]!.DeepClone(),
            ["smtp"] = new JsonObject
            {
                ["host"] = "smtp.azurecomm.net",
                ["port"] = main["parameters"]!["smtpPort"]!["defaultValue"]!.DeepClone(),
                ["security"] = main["parameters"]!["smtpSecurity"]!["defaultValue"]!.DeepClone(),
                ["from"] = "Alerts <alerts@example.org>",
                ["username"] = "alerts-relay",
                ["password"] = "probe-password",
            },
            ["apiKeys"] = new JsonObject
            {
                ["keys"] = new JsonArray(ApiKeys.Select(k =>
                {
                    var key = new JsonObject { ["key"] = k.Key, ["role"] = k.Role, ["name"] = k.Name };
                    if (k.Grading is not null)
                    {
                        key["grading"] = k.Grading;
                    }

                    return (JsonNode)key;
                }).ToArray()),
            },
        };
        File.WriteAllText(System.IO.Path.Combine(probe, "inputs.json"), inputs.ToJsonString());

        // The probe's apiKeys parameter is not @secure(): the snapshot leaves expressions over secure values unevaluated.
        File.WriteAllText(System.IO.Path.Combine(probe, "probe.bicep"), $$"""
            import { alertsAppSettings, apiKey, holdAdjustmentSet, holdDurations, platform, smtpRelay, verificationPolicy } from '{{settingsBicep}}'

            param platformInputs platform
            param publicBaseUrl string
            param holds holdDurations
            param adjustments holdAdjustmentSet
            param verification verificationPolicy
            param retrySchedule string[]
            param smtp smtpRelay
            param apiKeys { keys: apiKey[] }

            output settings object = alertsAppSettings(platformInputs, publicBaseUrl, holds, adjustments, verification, retrySchedule, smtp, apiKeys)
            """);
        File.WriteAllText(System.IO.Path.Combine(probe, "probe.bicepparam"), """
            using 'probe.bicep'

            var inputs = loadJsonContent('inputs.json')
            param platformInputs = inputs.platform
            param publicBaseUrl = inputs.publicBaseUrl
            param holds = inputs.holds
            param adjustments = inputs.adjustments
            param verification = inputs.verification
            param retrySchedule = inputs.retrySchedule
            param smtp = inputs.smtp
            param apiKeys = inputs.apiKeys
            """);

        var run = BicepCli.Run(
            probe, "snapshot", "probe.bicepparam", "--mode", "overwrite",
            "--subscription-id", "00000000-0000-0000-0000-000000000001", "--resource-group", "rg-probe", "--location", "westeurope");
        Assert.True(run.ExitCode == 0, $"bicep snapshot failed: {run}");

        var snapshot = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(probe, "probe.snapshot.json")))!;
        var settings = snapshot["outputs"]?["settings"] as JsonObject
            ?? throw new InvalidOperationException("The snapshot did not evaluate the settings: " + snapshot.ToJsonString());
        return settings.ToDictionary(
            s => s.Key,
            s => s.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw new InvalidOperationException($"App setting {s.Key} is not a string: {s.Value?.ToJsonString()}"),
            StringComparer.Ordinal);
    }
}
