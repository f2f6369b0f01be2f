using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Testing;

namespace Alerts.Infra.Tests;

/// <summary>What the compiled template deploys: identity-only access, the Flex Consumption app, and the wiring azd needs.</summary>
[Collection(InfraCollection.Name)]
public partial class TemplateTests(CompiledInfra infra)
{
    /// <summary>Parameters without a default that main.parameters.json leaves to azd, which asks for them on the first provision.</summary>
    private static readonly string[] PromptedByAzd = ["smtpHost", "smtpFrom", "apiKeys"];

    [GeneratedRegex(@"^\s+(?<name>\w+):\s*$\n(?<body>(?:^\s{4,}.*$\n?)*)", RegexOptions.Multiline)]
    private static partial Regex YamlService();

    private JsonNode Main => infra.Template("main.bicep");

    [Fact]
    public void StorageAccount_AllowsOnlyEntraAccess_OverTls12()
    {
        var storage = CompiledInfra.Resource(Main, "storage", "storage");
        var properties = storage["properties"]!;
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("Microsoft.Storage/storageAccounts/blobServices/containers", CompiledInfra.Resource(Main, "storage", "deploymentContainer")["type"]!.GetValue<string>());
    }

    [Fact]
    public void ApplicationInsights_AcceptsEntraTokensOnly()
    {
        var components = CompiledInfra.Resource(Main, "monitoring", "applicationInsights");
        Assert.True(components["properties"]!["DisableLocalAuth"]!.GetValue<bool>());
        Assert.NotNull(components["properties"]!["WorkspaceResourceId"]);
    }

    [Fact]
    public void FunctionApp_RunsOnFlexConsumption_WithTheDotnetVersionTheAppTargets()
    {
        var plan = CompiledInfra.Resource(Main, "api", "plan");
        Assert.Equal("FC1", plan["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());
        Assert.True(plan["properties"]!["reserved"]!.GetValue<bool>());

        var site = CompiledInfra.Resource(Main, "api", "functionApp");
        Assert.Equal("functionapp,linux", site["kind"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", config["runtime"]!["name"]!.GetValue<string>());

        // These tests run on the framework every project targets (Directory.Build.props), the Functions app included.
        Assert.Equal($"{Environment.Version.Major}.0", config["runtime"]!["version"]!.GetValue<string>());

        var deployment = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", deployment["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", deployment["authentication"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Identity_HoldsTheStorageAndTelemetryRolesItNeeds()
    {
        var variables = infra.Template("app/access.bicep")["variables"]!;
        var storageRoles = variables["storageRoles"]!.AsObject().Select(r => r.Value!.GetValue<string>()).ToList();
        Assert.Equal(
            [
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            ],
            storageRoles);
        Assert.Equal("3913510d-42f4-4e42-8a64-420c390055eb", variables["monitoringMetricsPublisher"]!.GetValue<string>()); // Monitoring Metrics Publisher

        // One loop over the storage roles, one assignment on Application Insights, both to the app's identity.
        var roleAssignments = CompiledInfra.ModuleResources(Main, "access").Where(r => r["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments").ToList();
        Assert.Equal(2, roleAssignments.Count);
        Assert.All(roleAssignments, r => Assert.Equal("ServicePrincipal", r["properties"]!["principalType"]!.GetValue<string>()));
        Assert.Single(roleAssignments, r => r["copy"] is not null);
    }

    [Fact]
    public void MainTemplate_HasTheOutputsAzdReads()
    {
        var outputs = Main["outputs"]!.AsObject().Select(o => o.Key).ToList();
        Assert.All(
            ["AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "SERVICE_API_NAME", "SERVICE_API_URI", "AZURE_STORAGE_ACCOUNT_NAME"],
            name => Assert.Contains(name, outputs));
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProject_AsTheServiceTheTemplateTags()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "azure.yaml"));
        var services = yaml[(yaml.IndexOf("\nservices:", StringComparison.Ordinal) + 1)..];
        var service = YamlService().Match(services);
        Assert.True(service.Success, "azure.yaml names no service.");
        var body = service.Groups["body"].Value;
        Assert.Matches(@"project:\s*\./src/Alerts\.Functions\b", body);
        Assert.Matches(@"language:\s*dotnet\b", body);
        Assert.Matches(@"host:\s*function\b", body);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "src", "Alerts.Functions", "Alerts.Functions.csproj")));

        // azd finds the app by the tag azd-service-name and reads SERVICE_<NAME>_NAME.
        var name = service.Groups["name"].Value;
        Assert.Equal(name, Main["variables"]!["serviceName"]!.GetValue<string>());
        Assert.Contains($"SERVICE_{name.ToUpperInvariant()}_NAME", Main["outputs"]!.AsObject().Select(o => o.Key));
    }

    [Fact]
    public void ParametersFile_TakesNameAndLocationFromAzd_AndNamesOnlyRealParameters()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(infra.InfraDirectory, "main.parameters.json")))!["parameters"]!.AsObject();
        Assert.Equal("${AZURE_ENV_NAME}", parameters["environmentName"]!["value"]!.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", parameters["location"]!["value"]!.GetValue<string>());

        var declared = Main["parameters"]!.AsObject();
        Assert.All(parameters.Select(p => p.Key), name => Assert.True(declared.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare."));

        var withoutValue = declared.Where(p => p.Value!["defaultValue"] is null && !parameters.ContainsKey(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(PromptedByAzd.Order(StringComparer.Ordinal), withoutValue);
    }

    [Fact]
    public void Console_IsServedByTheFunctionsApp_AtItsOwnOrigin_AndAzdSaysWhere()
    {
        // The console is files the app serves (ApiRoutes.Console): no static site, no second service, no CORS to open.
        var output = Main["outputs"]!["ALERTS_CONSOLE_URL"]!["value"]!.GetValue<string>();
        Assert.Contains("consoleUri", output, StringComparison.Ordinal);
        var consoleUri = infra.Template("app/api.bicep")["outputs"]!["consoleUri"]!["value"]!.GetValue<string>();
        Assert.Contains($"{{0}}{Alerts.Api.ApiRoutes.ConsolePath}'", consoleUri, StringComparison.Ordinal);
        Assert.Contains("defaultHostName", consoleUri, StringComparison.Ordinal);

        var types = infra.BicepFiles.SelectMany(f => infra.Template(f)["resources"]?.ToJsonString() is { } json ? [json] : Array.Empty<string>()).ToList();
        Assert.DoesNotContain(types, json => json.Contains("Microsoft.Web/staticSites", StringComparison.OrdinalIgnoreCase));
        Assert.Null(CompiledInfra.Resource(Main, "api", "functionApp")["properties"]!["siteConfig"]!["cors"]);
        Assert.False(CompiledInfra.Resource(Main, "storage", "storage")["properties"]!["allowBlobPublicAccess"]!.GetValue<bool>());

        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "azure.yaml"));
        Assert.Single(YamlService().Matches(yaml[(yaml.IndexOf("\nservices:", StringComparison.Ordinal) + 1)..]));
    }
}
