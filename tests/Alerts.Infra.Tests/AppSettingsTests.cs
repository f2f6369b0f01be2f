using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Alerts.Core;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Pipeline.Delivery.Email;
using Alerts.Core.Pipeline.Delivery.Webhooks;
using Alerts.Core.Pipeline.Fanout;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Security;
using Alerts.Core.Storage;
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
            Deployed:
            [
                .. Entries("BySeverity", "Extreme", "Severe", "Moderate", "Minor", "Unknown"),
                .. Entries("ByReliability", "A", "B", "C", "D", "E", "F"),
                .. Entries("ByCredibility", "1", "2", "3", "4", "5", "6"),
                .. Entries("ByCertainty", "Observed", "Likely", "Possible", "Unlikely", "Unknown"),
                "PerCorroboration", "ContestedExtension", "Minimum", "Maximum",
            ],
            LeftAtDefault: ["Override"],
            Why: "The hold policy is one policy, reviewed as a whole: all of it is a deployment parameter. " +
                "Override makes every hold the same length: for demos and tests, never production."),
        [ApiKeyOptions.SectionName] = new(
            Deployed: ["Keys:0:Key", "Keys:0:Role", "Keys:0:Name", "Keys:0:Grading"],
            LeftAtDefault: [],
            Why: "Without keys every API call is refused. Grading is written for the keys that carry one (a reporter's default)."),
        [VerificationOptions.SectionName] = new(
            Deployed: ["ConfirmationRequired:0:Category", "ConfirmationRequired:0:AttributedOnly", "CompatibleCategories:0"],
            LeftAtDefault: ["CorrelationDistanceKm", "CorrelationWindow", "OpenFor"],
            Why: "Which incidents wait for an analyst and which categories describe the same event are a deployment's policy " +
                "(the app's default is none of either). 25 km, 2 h and 6 h are the correlation design in docs/DECISIONS.md, " +
                "not a property of a deployment; OpenFor also bounds the correlator's key-range read."),
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
            LeftAtDefault: ["PageSize", "RecipientsPerMessage", "ParallelChunks"],
            Why: "Sized to table pages and batches, and to overlapping writes with sends (measured in docs/BENCHMARKS.md), not to a deployment."),
        [SubscriberOptions.SectionName] = new(
            Deployed: [],
            LeftAtDefault: ["SecretRotationGrace", "DisableAfter"],
            Why: "24 hours lets receivers pick up a rotated secret; 5 days of nothing but failures is when a receiver is given up on (as Svix does)."),
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

    private static readonly Lazy<Dictionary<string, Type>> Bound = new(BoundSections);

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

    /// <summary>"ByReliability:A", "B", … as plan paths.</summary>
    private static IEnumerable<string> Entries(string dictionary, params string[] keys) => keys.Select(k => $"{dictionary}:{k}");

    /// <summary>
    /// The configuration paths an options type binds: "BySeverity:Extreme"; list items as index 0, "Keys:0:Key";
    /// dictionary entries by the keys of the default instance, "ByCredibility:1".
    /// </summary>
    private static IEnumerable<string> SettingPaths(Type type) => Settings(type).Select(s => s.Path);

    private static IEnumerable<(string Path, PropertyInfo Property)> Settings(Type type, string prefix = "", object? defaults = null)
    {
        defaults ??= Activator.CreateInstance(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var path = prefix + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (DictionaryValue(propertyType) is { } value)
            {
                if (!IsScalar(value) || property.GetValue(defaults) is not IDictionary { Count: > 0 } entries)
                {
                    throw new NotSupportedException($"{type.Name}.{property.Name}: only dictionaries of scalars with default entries are planned here; teach this test its keys.");
                }

                foreach (var key in entries.Keys)
                {
                    yield return ($"{path}:{key}", property);
                }

                continue;
            }

            var item = ListItem(propertyType);
            var nestedDefaults = item is null ? property.GetValue(defaults) : null;
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
                foreach (var nested in Settings(propertyType, path + ":", nestedDefaults))
                {
                    yield return nested;
                }
            }
        }
    }

    private static Type? DictionaryValue(Type t) =>
        t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static Type? ListItem(Type t) =>
        t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t)
            ? t.GetInterfaces().Append(t).First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0]
            : null;

    private static bool IsScalar(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(DateTimeOffset) || t == typeof(Uri);

    /// <summary>The deployed settings as the app reads them: environment variable names use "__" for ":".</summary>
    private IConfiguration DeployedConfiguration() => new ConfigurationBuilder()
        .AddInMemoryCollection(infra.AppSettings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
        .Build();

    /// <summary>
    /// "Hold__ByCredibility__1" → ("Hold", "ByCredibility:1"), "Auth__Keys__3__Grading" → ("Auth", "Keys:0:Grading"): list
    /// indexes as 0, dictionary keys kept, names as the options type spells them. Settings no bound section reads come
    /// back with their segments joined as they are.
    /// </summary>
    private static (string Section, string Path) Split(string setting)
    {
        var parts = setting.Split("__");
        var raw = string.Join(':', parts.Skip(1));
        return Bound.Value.TryGetValue(parts[0], out var type) && PlanPath(type, parts[1..]) is { } path ? (parts[0], path) : (parts[0], raw);
    }

    private static string? PlanPath(Type type, string[] segments)
    {
        var path = new List<string>();
        var current = type;
        for (var i = 0; i < segments.Length; i++)
        {
            var property = current.GetProperty(segments[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            path.Add(property.Name);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (DictionaryValue(propertyType) is { } value)
            {
                if (++i >= segments.Length)
                {
                    return null;
                }

                path.Add(segments[i]);
                propertyType = value;
            }
            else if (ListItem(propertyType) is { } item)
            {
                if (++i >= segments.Length || !segments[i].All(char.IsAsciiDigit))
                {
                    return null;
                }

                path.Add("0");
                propertyType = item;
            }

            if (IsScalar(propertyType))
            {
                return i == segments.Length - 1 ? string.Join(':', path) : null;
            }

            current = propertyType;
        }

        return null;
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
        Assert.Equal(CompiledInfra.ApiKeys.Select(k => (k.Key, k.Role, k.Name, k.Grading)), keys.Select(k => (k.Key, k.Role, k.Name, k.Grading)));
        Assert.Equal(CompiledInfra.PublicBaseUrl, provider.GetRequiredService<IOptions<LinkOptions>>().Value.PublicBaseUrl);
        Assert.True(provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp);
        Assert.Equal(RetryOptions.DefaultSchedule, provider.GetRequiredService<IOptions<RetryOptions>>().Value.EffectiveSchedule);

        // main.bicep's default verification policy, as the app reads it.
        var verification = provider.GetRequiredService<IOptions<VerificationOptions>>().Value;
        var rule = Assert.Single(verification.ConfirmationRequired);
        Assert.Equal(("missile-impact", true), (rule.Category, rule.AttributedOnly));
        Assert.Equal(["missile-impact,artillery-fire", "drone-incursion,airspace-violation"], verification.CompatibleCategories);
        Assert.Equal(new VerificationOptions().CorrelationDistanceKm, verification.CorrelationDistanceKm);
    }

    [Fact]
    public void TheBicepsCategories_AreTheAppsCategories()
    {
        // A confirmation rule or a compatible group with a misspelt category would silently never apply: the Bicep type
        // lists the categories, and it must list exactly the app's.
        var category = infra.Template("app/settings.bicep")["definitions"]!["incidentCategory"]!;
        Assert.Equal(
            IncidentCategories.All.Order(StringComparer.Ordinal),
            category["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal));
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

        var hold = new HoldOptions();
        var adjustments = parameters["holdAdjustments"]!["defaultValue"]!;
        void SameEntries(Dictionary<string, TimeSpan> app, string bicepName)
        {
            var bicep = adjustments[bicepName]!.AsObject().ToDictionary(e => e.Key, e => TimeSpan.Parse(e.Value!.GetValue<string>()), StringComparer.OrdinalIgnoreCase);
            Assert.Equal(app.Keys.Order(StringComparer.OrdinalIgnoreCase), bicep.Keys.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
            Assert.All(app, e => Assert.Equal(e.Value, bicep[e.Key]));
        }

        SameEntries(hold.ByReliability, "byReliability");
        SameEntries(hold.ByCredibility, "byCredibility");
        SameEntries(hold.ByCertainty, "byCertainty");
        Assert.Equal(hold.PerCorroboration, TimeSpan.Parse(adjustments["perCorroboration"]!.GetValue<string>()));
        Assert.Equal(hold.ContestedExtension, TimeSpan.Parse(adjustments["contestedExtension"]!.GetValue<string>()));
        Assert.Equal(hold.Minimum, TimeSpan.Parse(adjustments["minimum"]!.GetValue<string>()));
        Assert.Equal(hold.Maximum, TimeSpan.Parse(adjustments["maximum"]!.GetValue<string>()));

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
