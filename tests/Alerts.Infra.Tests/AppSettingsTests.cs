using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Alerts.Core;
using Alerts.Core.Delivery;
using Alerts.Core.Delivery.Email;
using Alerts.Core.Delivery.Webhooks;
using Alerts.Core.Fanout;
using Alerts.Core.Hold;
using Alerts.Core.Intake;
using Alerts.Core.Release;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Alerts.Core.Subscribers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Infra.Tests;

/// <summary>
/// The app settings the Bicep writes (infra/app/settings.bicep, evaluated) are the ones the app validates at start-up:
/// every options section the app binds is planned here, setting by setting, as written by the Bicep or left at its
/// default on purpose. A new setting, or a new options section, fails these tests until it is one or the other.
/// </summary>
[Collection(InfraCollection.Name)]
public class AppSettingsTests(CompiledInfra infra)
{
    /// <summary>What production sets in each section <see cref="AlertsCoreServiceCollectionExtensions.AddAlertsCore"/> binds.</summary>
    private static readonly Dictionary<string, SectionPlan> Plans = new(StringComparer.Ordinal)
    {
        [HoldOptions.SectionName] = new(
            Deployed: ["BySeverity:Extreme", "BySeverity:Severe", "BySeverity:Moderate", "BySeverity:Minor", "BySeverity:Unknown"],
            LeftAtDefault: ["Override"],
            Why: "Override makes every hold the same length: for demos and tests, never production."),
        [ApiKeyOptions.SectionName] = new(
            Deployed: ["Keys:0:Key", "Keys:0:Role", "Keys:0:Name"],
            LeftAtDefault: [],
            Why: "Without keys every API call is refused."),
        [LinkOptions.SectionName] = new(
            Deployed: ["PublicBaseUrl"],
            LeftAtDefault: [],
            Why: "The default is http://localhost:7071; alerts must link to the app's own https URL."),
        [RetryOptions.SectionName] = new(
            Deployed: ["Schedule:0"],
            LeftAtDefault: ["Jitter"],
            Why: "The schedule is an operator's decision; ±20 % jitter suits any schedule."),
        [EmailOptions.SectionName] = new(
            Deployed: ["Host", "Port", "Security", "From", "Username", "Password"],
            LeftAtDefault: ["OutboxPath", "Timeout"],
            Why: "Azure sends through an SMTP relay, so the outbox folder is unused; the 30 s timeout fits any relay."),
        [WebhookOptions.SectionName] = new(
            Deployed: [],
            LeftAtDefault: ["AllowPrivateAddresses", "AttemptTimeout", "MaxRetryAfter", "MaxConnectionsPerServer"],
            Why: "AllowPrivateAddresses must stay false in Azure; the limits are tuned defaults."),
        [IntakeOptions.SectionName] = new(
            Deployed: [],
            LeftAtDefault: ["MaxBodyBytes", "MaxClockSkew", "MaxReportAge"],
            Why: "The intake limits are part of the documented API contract."),
        [ReleaseSweepOptions.SectionName] = new(
            Deployed: [],
            LeftAtDefault: ["SweepInterval", "SweepGrace"],
            Why: "The standalone server's sweep; in Azure the timer function sweeps on its own schedule."),
        [FanoutOptions.SectionName] = new(
            Deployed: [],
            LeftAtDefault: ["PageSize", "RecipientsPerMessage"],
            Why: "Sized to table pages and batches, not to a deployment."),
        [SubscriberOptions.SectionName] = new(
            Deployed: [],
            LeftAtDefault: ["SecretRotationGrace"],
            Why: "24 hours lets receivers pick up a rotated secret; operators may change it in the portal."),
    };

    /// <summary>Settings the Functions host and the platform read, not the app's options.</summary>
    private static readonly string[] PlatformSettings =
    [
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    /// <summary>Settings a Flex Consumption app rejects or that would undo identity-only access.</summary>
    private static readonly string[] ForbiddenSettings =
    [
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_CONTENTSHARE",
        "AzureWebJobsStorage",
        "AzureWebJobsStorage__accountKey",
        "APPINSIGHTS_INSTRUMENTATIONKEY",
        "Delivery__AllowPrivateAddresses",
    ];

    private sealed record SectionPlan(string[] Deployed, string[] LeftAtDefault, string Why);

    private static Dictionary<string, Type> BoundSections()
    {
        // Every options type the shared composition root binds to configuration (Bind registers a change-token source).
        var services = new ServiceCollection().AddAlertsCore(new ConfigurationBuilder().Build());
        return services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct()
            .ToDictionary(SectionName, t => t, StringComparer.Ordinal);
    }

    private static string SectionName(Type options) =>
        options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
        ?? throw new InvalidOperationException($"{options.Name} is bound to configuration but has no public const SectionName.");

    /// <summary>The configuration paths an options type binds, with list items as index 0: "BySeverity:Extreme", "Keys:0:Key".</summary>
    private static IEnumerable<string> SettingPaths(Type type) => Settings(type).Select(s => s.Path);

    private static IEnumerable<(string Path, PropertyInfo Property)> Settings(Type type, string prefix = "")
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var path = prefix + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var item = propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType)
                ? propertyType.GetInterfaces().Append(propertyType).First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0]
                : null;
            if (item is not null)
            {
                path += ":0";
                propertyType = item;
            }

            if (IsScalar(propertyType))
            {
                yield return (path, property);
            }
            else
            {
                foreach (var nested in Settings(propertyType, path + ":"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(DateTimeOffset) || t == typeof(Uri);

    /// <summary>The deployed settings as the app reads them: environment variable names use "__" for ":".</summary>
    private IConfiguration DeployedConfiguration() => new ConfigurationBuilder()
        .AddInMemoryCollection(infra.AppSettings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
        .Build();

    /// <summary>"Hold__BySeverity__Extreme" → ("Hold", "BySeverity:Extreme"); list indexes as 0.</summary>
    private static (string Section, string Path) Split(string setting)
    {
        var parts = setting.Split("__");
        return (parts[0], string.Join(':', parts.Skip(1).Select(p => p.All(char.IsAsciiDigit) ? "0" : p)));
    }

    [Fact]
    public void EveryOptionsSectionTheAppBinds_HasAPlanHere()
    {
        var bound = BoundSections();
        Assert.Contains(HoldOptions.SectionName, bound.Keys);
        Assert.Equal(Plans.Keys.Order(StringComparer.Ordinal), bound.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EverySettingOfEverySection_IsWrittenByTheBicep_OrLeftAtItsDefaultOnPurpose()
    {
        foreach (var (section, type) in BoundSections())
        {
            var plan = Plans[section];
            var planned = plan.Deployed.Concat(plan.LeftAtDefault).Order(StringComparer.Ordinal).ToList();
            var actual = SettingPaths(type).Order(StringComparer.Ordinal).ToList();
            Assert.True(
                planned.SequenceEqual(actual),
                $"{type.Name} (section {section}) binds [{string.Join(", ", actual)}] but this test plans [{string.Join(", ", planned)}]. " +
                "Write a new setting in infra/app/settings.bicep and list it under Deployed, or list it under LeftAtDefault and say why.");
        }
    }

    [Fact]
    public void TheBicep_WritesEveryPlannedSetting_AndEveryRequiredOne()
    {
        var written = infra.AppSettings.Keys.Select(Split).Select(s => $"{s.Section}:{s.Path}").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var planned = Plans.SelectMany(p => p.Value.Deployed.Select(path => $"{p.Key}:{path}")).ToList();
        Assert.All(planned, setting => Assert.True(written.Contains(setting), $"infra/app/settings.bicep does not write {setting.Replace(":", "__", StringComparison.Ordinal)}."));

        var required = BoundSections()
            .SelectMany(s => Settings(s.Value).Where(r => r.Property.GetCustomAttribute<RequiredAttribute>() is not null).Select(r => $"{s.Key}:{r.Path}"))
            .ToList();
        Assert.Contains("Links:PublicBaseUrl", required);
        Assert.All(required, setting => Assert.Contains(setting, planned));
    }

    [Fact]
    public void EverySettingTheBicepWrites_IsOneTheAppOrTheHostReads()
    {
        var bound = BoundSections();
        var unknown = infra.AppSettings.Keys
            .Where(name => !PlatformSettings.Contains(name, StringComparer.Ordinal))
            .Where(name =>
            {
                var (section, path) = Split(name);
                return !bound.TryGetValue(section, out var type) || !SettingPaths(type).Contains(path, StringComparer.OrdinalIgnoreCase);
            })
            .ToList();
        Assert.True(unknown.Count == 0, "infra/app/settings.bicep writes settings nothing reads (a typo?): " + string.Join(", ", unknown));
        Assert.All(PlatformSettings, name => Assert.Contains(name, infra.AppSettings.Keys));
        Assert.All(ForbiddenSettings, name => Assert.DoesNotContain(name, infra.AppSettings.Keys));
    }

    [Fact]
    public void TheApp_PassesStartUpValidation_WithTheDeployedSettings()
    {
        var configuration = DeployedConfiguration();
        using var provider = new ServiceCollection().AddLogging().AddAlertsCore(configuration).BuildServiceProvider();

        // What both hosts run before they start (ValidateOnStart): it throws naming every bad setting.
        var exception = Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Null(exception);

        var keys = provider.GetRequiredService<IOptions<ApiKeyOptions>>().Value.Keys;
        Assert.Equal(CompiledInfra.ApiKeys.Select(k => (k.Key, k.Role, k.Name)), keys.Select(k => (k.Key, k.Role, k.Name)));
        Assert.Equal(CompiledInfra.PublicBaseUrl, provider.GetRequiredService<IOptions<LinkOptions>>().Value.PublicBaseUrl);
        Assert.True(provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp);
        Assert.Equal(RetryOptions.DefaultSchedule, provider.GetRequiredService<IOptions<RetryOptions>>().Value.EffectiveSchedule);
    }

    [Fact]
    public void Storage_IsReachedWithTheAppsIdentity_AtTheAccountsEndpoints()
    {
        var settings = infra.AppSettings;
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(CompiledInfra.IdentityClientId, settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal(CompiledInfra.BlobServiceUri, settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal(CompiledInfra.QueueServiceUri, settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal(CompiledInfra.TableServiceUri, settings["AzureWebJobsStorage__tableServiceUri"]);

        // The app reads the same identity form as the Functions host (no network call is made here).
        var storage = StorageConnection.FromConfiguration(DeployedConfiguration());
        Assert.Equal(CompiledInfra.TableServiceUri, storage.Description);
        Assert.Equal(new Uri(CompiledInfra.QueueServiceUri).Host, storage.Queues.Uri.Host);
    }

    [Fact]
    public void Telemetry_AuthenticatesWithTheAppsIdentity()
    {
        Assert.Equal($"Authorization=AAD;ClientId={CompiledInfra.IdentityClientId}", infra.AppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void MainBicepDefaults_AreTheAppsOwnDefaults()
    {
        var parameters = infra.Template("main.bicep")["parameters"]!;
        var holds = new HoldOptions().BySeverity;
        var holdDefaults = parameters["holdBySeverity"]!["defaultValue"]!;
        Assert.Equal(holds.Extreme, TimeSpan.Parse(holdDefaults["extreme"]!.GetValue<string>()));
        Assert.Equal(holds.Severe, TimeSpan.Parse(holdDefaults["severe"]!.GetValue<string>()));
        Assert.Equal(holds.Moderate, TimeSpan.Parse(holdDefaults["moderate"]!.GetValue<string>()));
        Assert.Equal(holds.Minor, TimeSpan.Parse(holdDefaults["minor"]!.GetValue<string>()));
        Assert.Equal(holds.Unknown, TimeSpan.Parse(holdDefaults["unknown"]!.GetValue<string>()));

        Assert.Equal(RetryOptions.DefaultSchedule, parameters["retrySchedule"]!["defaultValue"]!.AsArray().Select(d => TimeSpan.Parse(d!.GetValue<string>())));
        Assert.Equal(new EmailOptions().Port, parameters["smtpPort"]!["defaultValue"]!.GetValue<int>());
        Assert.Equal(new EmailOptions().Security, parameters["smtpSecurity"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal(
            EmailOptions.SecurityModes.Order(StringComparer.Ordinal),
            parameters["smtpSecurity"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheFunctionAppsSettings_AreExactlyWhatTheSettingsFunctionReturns()
    {
        var main = infra.Template("main.bicep");
        var settingsResource = CompiledInfra.Resource(main, "api", "appSettings");
        Assert.Equal("Microsoft.Web/sites/config", settingsResource["type"]!.GetValue<string>());
        Assert.Contains("'appsettings'", settingsResource["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("[__bicep.alertsAppSettings(", settingsResource["properties"]!.GetValue<string>(), StringComparison.Ordinal);

        // No second place writes settings: siteConfig.appSettings would be replaced by the config resource anyway.
        var site = CompiledInfra.Resource(main, "api", "functionApp");
        Assert.Null(site["properties"]!["siteConfig"]?["appSettings"]);
    }
}
