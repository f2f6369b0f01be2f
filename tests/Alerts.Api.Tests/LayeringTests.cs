using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Api.Tests;

/// <summary>The API reads and writes through Core's queries and commands, never through a store or a storage record.</summary>
public class LayeringTests
{
    [Fact]
    public void ApiNamespaces_HaveNoCycles() =>
        Assert.Empty(new NamespaceGraph(typeof(ApiRoutes).Assembly, "Alerts.Api").Cycles());

    [Fact]
    public void Endpoints_TakeNoStoresOrStorageRecords()
    {
        var storage = typeof(IncidentStore).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(IncidentStore).Namespace && (t.Name.EndsWith("Store", StringComparison.Ordinal) || t.Name is nameof(IncidentRecord) or nameof(IncidentPage) or nameof(DeliveryPage) or nameof(StorageConnection)))
            .ToHashSet();

        var users = typeof(ApiRoutes).Assembly.GetTypes()
            .Where(t => !t.IsNested)
            .SelectMany(t => TypeReferences.Of(t).Where(storage.Contains).Select(r => $"{t.Name} uses {r.Name}"))
            .ToList();

        Assert.Contains(typeof(IncidentStore), storage);
        Assert.Empty(users);
    }
}
