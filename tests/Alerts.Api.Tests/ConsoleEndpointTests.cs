using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Testing;

namespace Alerts.Api.Tests;

/// <summary>
/// The console's files, served by name: the page with a strict Content-Security-Policy, every file it loads embedded,
/// nothing inline, the key never in local storage, and only documented API routes called.
/// </summary>
public partial class ConsoleEndpointTests
{
    private static readonly string ConsoleFolder = Path.Combine(RepositoryRoot.Path, "src", "Alerts.Api", "Console");

    private static async Task<HttpCallResponse> ServeAsync(string path, string? file, string? ifNoneMatch = null)
    {
        var harness = await ApiHarness.CreateAsync();
        var request = harness.Request("GET", path, key: null);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch = ifNoneMatch;
        }

        return await HttpCalls.ExecuteAsync(request, harness.Get<ConsoleEndpoint>().Serve(request, file));
    }

    [Fact]
    public async Task Serve_ThePage_IsHtmlWithAStrictContentSecurityPolicy()
    {
        var response = await ServeAsync("/api/console/", null);

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/html", response.Headers.ContentType.ToString(), StringComparison.Ordinal);
        var csp = response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Contains("<script type=\"module\" src=\"app.mjs\"></script>", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithoutTheTrailingSlash_RedirectsToIt()
    {
        var response = await ServeAsync("/api/console", null);

        Assert.Equal(302, response.Status);
        Assert.Equal("/api/console/", response.Headers.Location.ToString());
    }

    [Fact]
    public async Task Serve_AModule_IsJavaScript_AndAnUnchangedOneIs304()
    {
        var first = await ServeAsync("/api/console/app.mjs", "app.mjs");
        var again = await ServeAsync("/api/console/app.mjs", "app.mjs", first.Headers.ETag.ToString());

        Assert.Equal(200, first.Status);
        Assert.StartsWith("text/javascript", first.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Equal(304, again.Status);
    }

    [Theory]
    [InlineData("nothing.mjs")]
    [InlineData("..%2Fopenapi.json")]
    [InlineData("Alerts.Api.openapi.json")]
    public async Task Serve_AnythingElse_Is404Problem(string file)
    {
        var response = await ServeAsync("/api/console/" + file, file);

        Assert.Equal(404, response.Status);
        Assert.True(response.IsProblem);
    }

    [Fact]
    public void EveryFileThePageAndItsModulesLoad_IsEmbedded_AndEveryEmbeddedFileIsUsed()
    {
        var html = File.ReadAllText(Path.Combine(ConsoleFolder, ConsoleEndpoint.IndexFile));
        var loaded = LoadedByHtml().Matches(html).Select(m => m.Groups["file"].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var module in Directory.EnumerateFiles(ConsoleFolder, "*.mjs"))
        {
            loaded.UnionWith(ImportedModule().Matches(File.ReadAllText(module)).Select(m => m.Groups["file"].Value));
        }

        loaded.Add(ConsoleEndpoint.IndexFile);
        Assert.Equal(loaded.Order(StringComparer.Ordinal), ConsoleFile.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ThePage_HasNoInlineScriptOrStyle()
    {
        var html = File.ReadAllText(Path.Combine(ConsoleFolder, ConsoleEndpoint.IndexFile));

        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineHandler(), html);
    }

    [Fact]
    public void TheModules_KeepTheKeyInTheSessionOnly_AndBuildNoMarkupFromStrings()
    {
        foreach (var module in Directory.EnumerateFiles(ConsoleFolder, "*.mjs"))
        {
            var code = File.ReadAllText(module);
            Assert.DoesNotContain("localStorage", code, StringComparison.Ordinal);
            Assert.DoesNotContain("innerHTML", code, StringComparison.Ordinal);
            Assert.DoesNotContain("document.write", code, StringComparison.Ordinal);
            Assert.DoesNotContain("eval(", code, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryApiCallOfTheConsole_IsADocumentedRoute()
    {
        var documented = JsonNode.Parse(OpenApiDocument.Json)!["paths"]!.AsObject()
            .Select(p => ParameterInTemplate().Replace(p.Key, "{}"))
            .ToHashSet(StringComparer.Ordinal);
        var called = Directory.EnumerateFiles(ConsoleFolder, "*.mjs")
            .SelectMany(f => ApiPath().Matches(File.ReadAllText(f)).Select(m => m.Groups["path"].Value))
            .Select(p => ParameterInLiteral().Replace(p, "{}"))
            .ToList();

        Assert.NotEmpty(called);
        Assert.All(called, path => Assert.True(documented.Contains(path), $"The console calls {path}, which openapi.json does not document."));
    }

    [GeneratedRegex("(?:src|href)=\"(?<file>[a-z0-9.-]+\\.(?:mjs|css|svg))\"")]
    private static partial Regex LoadedByHtml();

    [GeneratedRegex("""from '\./(?<file>[a-z0-9.-]+\.mjs)'""")]
    private static partial Regex ImportedModule();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    /// <summary>An API path in a module: '/api/…' or `/api/…${id}…`, up to a query string or the closing quote.</summary>
    [GeneratedRegex("""['`](?<path>/api/[^'`?]*)""")]
    private static partial Regex ApiPath();

    [GeneratedRegex(@"\$\{[^}]+\}")]
    private static partial Regex ParameterInLiteral();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterInTemplate();
}
