using System.Text.RegularExpressions;
using Alerts.Core.Pipeline;
using Alerts.Testing;

namespace Alerts.Core.Tests;

/// <summary>
/// The layers stay as the folders show them: domain, pipeline stages, storage, queries, hosts. No namespace uses another
/// that uses it back; the domain uses nothing outside it; table and queue clients appear only in storage and queues;
/// the pipeline's queue names and sends appear only in the stage declaration and the queue it sends through.
/// </summary>
public class LayeringTests
{
    private static readonly Lazy<NamespaceGraph> Core = new(() => new NamespaceGraph(typeof(PipelineStages).Assembly, "Alerts.Core"));

    private static string Describe(NamespaceGraph graph, List<string> cycle) =>
        string.Join("; ", cycle.SelectMany(a => cycle.Select(b => (a, b))).Where(p => graph.Why(p.a, p.b) is not null).Select(p => $"{p.a} → {p.b} ({graph.Why(p.a, p.b)})"));

    [Fact]
    public void CoreNamespaces_HaveNoCycles()
    {
        var cycles = Core.Value.Cycles();

        // The graph sees uses in signatures and in method bodies alike.
        Assert.NotNull(Core.Value.Why("Alerts.Core.Pipeline", "Alerts.Core.Pipeline.Release"));
        Assert.NotNull(Core.Value.Why("Alerts.Core.Pipeline.Intake", "Alerts.Core.Pipeline.Transitions"));

        Assert.True(cycles.Count == 0, "Namespaces that use each other: " + string.Join(" | ", cycles.Select(c => Describe(Core.Value, c))));
    }

    [Fact]
    public void TheDomain_UsesNothingButTheDomain()
    {
        var outside = Core.Value.Namespaces
            .Where(ns => ns.StartsWith("Alerts.Core.Domain", StringComparison.Ordinal))
            .SelectMany(ns => Core.Value.Namespaces.Where(to => !to.StartsWith("Alerts.Core.Domain", StringComparison.Ordinal)).Select(to => (ns, to, Core.Value.Why(ns, to))))
            .Where(e => e.Item3 is not null)
            .Select(e => $"{e.ns} → {e.to} ({e.Item3})")
            .ToList();

        Assert.Empty(outside);
    }

    [Theory]
    [InlineData("Azure.Data.Tables.TableClient", new[] { "Alerts.Core.Storage" })]
    [InlineData("Azure.Data.Tables.TableServiceClient", new[] { "Alerts.Core.Storage" })]
    [InlineData("Azure.Storage.Queues.QueueClient", new[] { "Alerts.Core.Storage", "Alerts.Core.Queues" })]
    public void StorageClients_AreUsedOnlyInStorageAndQueues(string client, string[] allowed)
    {
        var users = typeof(PipelineStages).Assembly.GetTypes()
            .Where(t => !t.IsNested && TypeReferences.Of(t).Any(r => r.FullName == client))
            .Where(t => !allowed.Contains(t.Namespace))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(users);
    }

    [Fact]
    public void QueueNamesAndSends_AppearOnlyInTheStageDeclarationAndThePipelineQueue()
    {
        var declared = PipelineStages.QueuesWithPoison.Select(Regex.Escape);
        var pattern = new Regex($"\"({string.Join("|", declared)})\"|\"-poison\"|SendMessageAsync\\(|timeToLive:", RegexOptions.CultureInvariant);
        var allowed = new[] { "src/Alerts.Core/Pipeline/PipelineStages.cs", "src/Alerts.Core/Queues/PipelineQueue.cs", "src/Alerts.Core/Queues/QueuePolicy.cs" };

        var found = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .Where(f => pattern.IsMatch(f.Text))
            .Select(f => f.File)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(allowed.Where(a => found.Contains(a)), found);
        Assert.Contains("src/Alerts.Core/Pipeline/PipelineStages.cs", found);
        Assert.Contains("src/Alerts.Core/Queues/PipelineQueue.cs", found);
    }

    [Fact]
    public void TestsMirrorSrc_FolderForFolder()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src", "Alerts.Core");
        var tests = Path.Combine(RepositoryRoot.Path, "tests", "Alerts.Core.Tests");
        static IEnumerable<string> Folders(string root) => Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(root, d).Replace('\\', '/'))
            .Where(d => !d.StartsWith("bin", StringComparison.Ordinal) && !d.StartsWith("obj", StringComparison.Ordinal) && Directory.EnumerateFiles(Path.Combine(root, d), "*.cs").Any());

        var strays = Folders(tests).Except(Folders(src)).ToList();

        Assert.Empty(strays);
        Assert.DoesNotContain(Directory.EnumerateFiles(tests, "*Store*Tests.cs", SearchOption.AllDirectories), f => !Path.GetDirectoryName(f)!.EndsWith(nameof(Storage), StringComparison.Ordinal));
    }
}
