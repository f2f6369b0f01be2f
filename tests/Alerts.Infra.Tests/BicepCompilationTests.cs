using System.Text;
using System.Text.Json;
using Alerts.Testing;

namespace Alerts.Infra.Tests;

/// <summary>
/// CI's check of infra/: every Bicep file compiles with the pinned Bicep CLI, with no error and no linter warning
/// beyond those relaxed, with a reason, in infra/bicepconfig.json.
/// </summary>
[Collection(InfraCollection.Name)]
public class BicepCompilationTests(CompiledInfra infra)
{
    [Fact]
    public void BicepCli_IsThePinnedVersion()
    {
        var run = BicepCli.Run(RepositoryRoot.Path, "--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Bicep CLI version {BicepCli.Version} ", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryBicepFile_Builds_WithoutErrorsOrWarnings()
    {
        Assert.Contains("main.bicep", infra.BicepFiles);
        Assert.True(infra.Build.ExitCode == 0, infra.Build.ToString());

        // bicep build prints each diagnostic (errors, warnings, linter findings) on standard error.
        Assert.True(infra.Build.StandardError.Trim().Length == 0, "bicep build reported:\n" + infra.Build.StandardError);
        Assert.All(infra.BicepFiles, file => Assert.NotNull(infra.Template(file)["$schema"]));
    }

    [Fact]
    public async Task Lint_FindsNothing_InAnyBicepFile()
    {
        var run = BicepCli.Run(RepositoryRoot.Path, "lint", "--pattern", "infra/**/*.bicep", "--diagnostics-format", "sarif");
        Assert.True(run.ExitCode == 0, run.ToString());

        // One SARIF log per file, one after another.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(run.StandardOutput));
        var findings = new List<string>();
        var logs = 0;
        await foreach (var log in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, topLevelValues: true))
        {
            logs++;
            foreach (var result in log.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray()))
            {
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                findings.Add($"{location.GetProperty("artifactLocation").GetProperty("uri").GetString()}:{location.GetProperty("region").GetProperty("startLine").GetInt32()} " +
                    $"{result.GetProperty("ruleId").GetString()} {result.GetProperty("message").GetProperty("text").GetString()}");
            }
        }

        Assert.Equal(infra.BicepFiles.Count, logs);
        Assert.True(findings.Count == 0, "bicep lint found:\n" + string.Join('\n', findings));
    }

    [Fact]
    public void BicepConfig_RelaxesNoRule_WithoutACommentSayingWhy()
    {
        var reader = new Utf8JsonReader(File.ReadAllBytes(Path.Combine(infra.InfraDirectory, "bicepconfig.json")), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
        var path = new Stack<string>();
        string? pendingName = null;
        var commented = false;
        var ruleCommented = new Dictionary<string, bool>(StringComparer.Ordinal);
        var ruleLevels = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Comment:
                    commented = true;
                    break;
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString()!;
                    if (path.Count == 4 && path.Peek() == "rules")
                    {
                        ruleCommented[pendingName] = commented;
                    }

                    commented = false;
                    break;
                case JsonTokenType.StartObject:
                    path.Push(pendingName ?? "$");
                    pendingName = null;
                    break;
                case JsonTokenType.EndObject:
                    path.Pop();
                    break;
                case JsonTokenType.String when pendingName == "level" && path.Count == 5:
                    ruleLevels[path.Peek()] = reader.GetString()!;
                    break;
            }
        }

        // Rules that are warnings by default and that a level below "warning" would silence.
        var relaxed = ruleLevels.Where(r => r.Value is "off" or "info" or "none").Select(r => r.Key).ToList();
        Assert.All(relaxed, rule => Assert.True(ruleCommented.GetValueOrDefault(rule), $"infra/bicepconfig.json sets {rule} to {ruleLevels[rule]} without a comment saying why."));
        Assert.NotEmpty(ruleLevels);
    }

    [Fact]
    public void NoModuleComesFromARegistry()
    {
        // br/public: and other registries cannot be restored where CI runs; resources are declared in infra/app/.
        var registryModules = infra.BicepFiles
            .SelectMany(f => File.ReadLines(Path.Combine(infra.InfraDirectory, f)).Select((line, i) => (f, line, i)))
            .Where(x => x.line.TrimStart().StartsWith("module ", StringComparison.Ordinal) && (x.line.Contains("'br/", StringComparison.Ordinal) || x.line.Contains("'br:", StringComparison.Ordinal) || x.line.Contains("'ts/", StringComparison.Ordinal) || x.line.Contains("'ts:", StringComparison.Ordinal)))
            .Select(x => $"{x.f}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(registryModules);
    }
}
